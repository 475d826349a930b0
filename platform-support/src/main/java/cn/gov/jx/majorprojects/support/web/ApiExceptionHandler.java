package cn.gov.jx.majorprojects.support.web;

import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of a service as problem+json in the platform's one shape. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final TraceIds traceIds;

  public ApiExceptionHandler(TraceIds traceIds) {
    this.traceIds = traceIds;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), request);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> stale(OptimisticLockingFailureException e, WebRequest request) {
    return problem(
        HttpStatus.CONFLICT,
        "The resource was changed by someone else; reload it and try again",
        request);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> duplicate(DuplicateKeyException e, WebRequest request) {
    return problem(HttpStatus.CONFLICT, "A resource with the same key already exists", request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e, WebRequest request) {
    return problem(HttpStatus.FORBIDDEN, "You may not do this", request);
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Object> badRequest(BadRequestException e, WebRequest request) {
    return invalid(e, e.getMessage(), e.errors(), new HttpHeaders(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    e.getConstraintViolations()
        .forEach(v -> errors.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
    return invalid(e, "The request has invalid fields", errors, new HttpHeaders(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    return invalid(
        e,
        "Parameter '" + e.getName() + "' has an invalid value",
        List.of(new FieldProblem(e.getName(), "invalid value")),
        new HttpHeaders(),
        request);
  }

  /** MongoDB unreachable (server selection timed out, connection refused or reset). */
  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<Object> databaseUnavailable(
      DataAccessResourceFailureException e, WebRequest request) {
    log.warn("database unavailable: {}", e.getMessage());
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The service cannot reach its database; try again shortly",
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; quote the traceId", request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
    return invalid(ex, "The request has invalid fields", errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            errors.add(
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage()))));
    return invalid(ex, "The request has invalid parameters", errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail = "The request body is not valid JSON for this endpoint";
    Throwable cause = ex.getMostSpecificCause();
    if (cause instanceof tools.jackson.databind.exc.InvalidFormatException ife) {
      String field = ife.getPath().isEmpty() ? "body" : pathOf(ife);
      return invalid(
          ex,
          "Field '" + field + "' has an invalid value",
          List.of(new FieldProblem(field, "invalid value: " + ife.getValue())),
          headers,
          request);
    }
    return handleExceptionInternal(
        ex, Problems.of(HttpStatus.BAD_REQUEST, detail), headers, HttpStatus.BAD_REQUEST, request);
  }

  /** 400 problem+json naming the fields (or parameters) at fault. */
  private ResponseEntity<Object> invalid(
      Exception ex,
      String detail,
      List<FieldProblem> errors,
      HttpHeaders headers,
      WebRequest request) {
    ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, detail);
    Problems.withFieldErrors(body, errors);
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String pathOf(tools.jackson.databind.exc.InvalidFormatException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail pd
            ? pd
            // a service's own ResponseStatusException: its reason, not its message ("503
            // SERVICE_UNAVAILABLE \"…\"", which repeated the status around the reason in quotes)
            : ex instanceof ResponseStatusException rse && rse.getReason() != null
                ? Problems.of(status, rse.getReason())
                : Problems.of(status, ex.getMessage());
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(Problems.typeOf(status));
    }
    String traceId = traceIds.current();
    if (traceId != null) {
      problem.setProperty("traceId", traceId);
    }
    return super.handleExceptionInternal(ex, problem, headers, status, request);
  }

  private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
    return handleExceptionInternal(
        new RuntimeException(detail),
        Problems.of(status, detail),
        new HttpHeaders(),
        status,
        request);
  }
}
