package cn.gov.jx.majorprojects.support.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one problem+json shape of the platform (RFC 9457): {@code type}, {@code title}, {@code
 * status}, {@code detail}, {@code instance}, {@code traceId}, and for bad input {@code errors:
 * [{field, message}]}. Services and the gateway both build theirs here.
 */
public final class Problems {

  public static final String TYPE_BASE = "https://majorprojects.example/problems/";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(typeOf(status));
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    return problem;
  }

  public static URI typeOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    String slug =
        known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return URI.create(TYPE_BASE + slug);
  }

  public static void withFieldErrors(ProblemDetail problem, List<FieldProblem> errors) {
    problem.setProperty("errors", errors);
  }

  /** A flat map in the order clients read it, for writers outside Spring MVC's converters. */
  public static Map<String, Object> asMap(ProblemDetail problem) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", problem.getType().toString());
    map.put("title", problem.getTitle());
    map.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      map.put("detail", problem.getDetail());
    }
    if (problem.getInstance() != null) {
      map.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      map.putAll(problem.getProperties());
    }
    return map;
  }

  /** One rejected field: its path in the request and why. */
  public record FieldProblem(String field, String message) {}
}
