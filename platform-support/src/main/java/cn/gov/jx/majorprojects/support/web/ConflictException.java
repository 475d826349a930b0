package cn.gov.jx.majorprojects.support.web;

/** 409: wrong state, stale version or duplicate; the message says which. */
public class ConflictException extends RuntimeException {

  public ConflictException(String detail) {
    super(detail);
  }
}
