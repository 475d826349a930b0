package cn.gov.jx.majorprojects.gateway.console;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Which requests the console answers. The console is a history-mode single-page app: every GET
 * outside the gateway's own paths whose last segment has no dot is one of its pages (answered with
 * {@code index.html}); a last segment with a dot is one of its files ({@code /assets/…}, {@code
 * /favicon.ico}). Everything under the prefixes below belongs to someone else: the API, the login,
 * the API docs and Swagger UI's files, and paths the gateway never serves (404).
 */
public final class ConsolePages {

  static final List<String> NOT_CONSOLE =
      List.of(
          "/api",
          "/oauth2",
          "/login",
          "/logout",
          "/docs",
          "/v3",
          "/webjars",
          "/swagger-ui",
          "/internal",
          "/actuator");

  /** A console page (a client-side route) requested by GET or HEAD. */
  public static final ServerWebExchangeMatcher PAGES =
      exchange ->
          isPage(exchange.getRequest())
              ? ServerWebExchangeMatcher.MatchResult.match()
              : ServerWebExchangeMatcher.MatchResult.notMatch();

  private ConsolePages() {}

  public static boolean isPage(ServerHttpRequest request) {
    String path = consolePath(request);
    return path != null && !lastSegment(path).contains(".");
  }

  static boolean isFile(ServerHttpRequest request) {
    String path = consolePath(request);
    return path != null && lastSegment(path).contains(".");
  }

  /** The path of a GET or HEAD outside the gateway's own prefixes, else null. */
  private static String consolePath(ServerHttpRequest request) {
    HttpMethod method = request.getMethod();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return null;
    }
    String path = request.getPath().pathWithinApplication().value();
    for (String prefix : NOT_CONSOLE) {
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return null;
      }
    }
    return path;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
