package cn.gov.jx.majorprojects.support.web;

/** 404: the resource does not exist or lies outside the caller's scope (which must not leak). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " not found");
  }
}
