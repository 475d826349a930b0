package cn.gov.jx.majorprojects.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter holding a control character (a NUL, a tab, a line break…) is refused with a 400
 * problem before any controller. Spring's binding trims such a value to nothing and reads an empty
 * enum or boolean as "no value", so {@code ?level=%00} used to answer the unfiltered list; no
 * client of ours sends one, and no filter or search of the API needs one.
 */
class QueryControlCharacters implements HandlerInterceptor {

  private final ProblemWriter problems;

  QueryControlCharacters(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    String refused = refusedParameter(request.getQueryString());
    if (refused == null) {
      return true;
    }
    problems.write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "Query parameter '" + refused + "' holds a control character");
    return false;
  }

  /** The name of the first parameter whose name or value holds a control character, or null. */
  static String refusedParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
      if (hasControl(name) || hasControl(value)) {
        return name.chars().anyMatch(QueryControlCharacters::isControl) ? "?" : name;
      }
    }
    return null;
  }

  private static String decoded(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part; // a bad escape: Tomcat refuses those before us
    }
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(QueryControlCharacters::isControl);
  }

  private static boolean isControl(int c) {
    return c < 0x20 || c == 0x7f;
  }
}
