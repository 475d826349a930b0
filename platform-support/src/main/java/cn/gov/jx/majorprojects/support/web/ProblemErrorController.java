package cn.gov.jx.majorprojects.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What reaches the servlet container's error page ({@code /error}: a {@code sendError} from a
 * filter, e.g. Spring Security's firewall refusing {@code ..} or {@code ;} in a path) answers
 * problem+json like everything else, never Boot's default body or a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

  private final TraceIds traceIds;

  public ProblemErrorController(TraceIds traceIds) {
    this.traceIds = traceIds;
  }

  @RequestMapping
  ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : 500;
    String detail =
        switch (status) {
          case 400 -> "The request was refused as malformed";
          case 401 -> "A valid bearer token is required";
          case 403 -> "You may not do this";
          case 404 -> "No such resource";
          default -> status >= 500 ? "Unexpected error; quote the traceId" : null;
        };
    ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), detail);
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        problem.setInstance(URI.create(uri));
      } catch (IllegalArgumentException notAUri) {
        // leave it out
      }
    }
    String traceId = traceIds.current();
    if (traceId != null) {
      problem.setProperty("traceId", traceId);
    }
    return ResponseEntity.status(HttpStatus.valueOf(status))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.asMap(problem));
  }
}
