package cn.gov.jx.majorprojects.support.web;

import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.util.List;

/** 400 for rules that bean validation cannot express; lists the fields at fault. */
public class BadRequestException extends RuntimeException {

  private final List<FieldProblem> errors;

  public BadRequestException(String detail, List<FieldProblem> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public static BadRequestException field(String field, String message) {
    return new BadRequestException(
        field + ": " + message, List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
