package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Headers on every answer, the gateway's own and the services' alike, whichever way the caller came
 * in (bearer token, browser session, or neither) and however the answer ends (a route, a problem of
 * the gateway's, a 413 before anything else ran). The one owner of these headers: Spring Security's
 * header writers are off (issue 13: a bearer call does not go through Spring Security's filter
 * chain at all, see {@link BearerAuthentication}).
 *
 * <p>The same rules as Spring Security's writers: written just before the answer is committed, each
 * only when the answer does not carry it already (a service's own {@code X-Frame-Options} stays),
 * and the three no-cache headers only when the answer says nothing about caching and is not a 304.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders implements WebFilter {

  static final String HSTS = "max-age=31536000; includeSubDomains";

  private final Map<String, String> always;

  SecurityHeaders(GatewayProperties properties, PlatformProperties platform) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("X-XSS-Protection", "0");
    headers.put("Content-Security-Policy", csp(origin(platform.issuerUri())));
    headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    // Spring writes HSTS only on https requests; TLS ends at the ingress, so it is ours to write
    if (properties.secureTransport()) {
      headers.put("Strict-Transport-Security", HSTS);
    }
    this.always = Map.copyOf(headers);
  }

  /**
   * The console and Swagger UI load scripts only from the gateway itself; Swagger UI needs inline
   * styles and data: images; no page may be framed.
   */
  static String csp(String keycloakOrigin) {
    // the logout form redirects on to Keycloak, which form-action must allow
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' "
        + keycloakOrigin;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          write(response);
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  private void write(ServerHttpResponse response) {
    HttpHeaders headers = response.getHeaders();
    always.forEach(
        (name, value) -> {
          if (!headers.containsHeader(name)) {
            headers.set(name, value);
          }
        });
    boolean saysAboutCaching =
        headers.containsHeader(HttpHeaders.CACHE_CONTROL)
            || headers.containsHeader(HttpHeaders.EXPIRES)
            || headers.containsHeader(HttpHeaders.PRAGMA);
    if (!saysAboutCaching && !HttpStatus.NOT_MODIFIED.equals(response.getStatusCode())) {
      headers.set(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
      headers.set(HttpHeaders.PRAGMA, "no-cache");
      headers.set(HttpHeaders.EXPIRES, "0");
    }
  }

  private static String origin(String issuerUri) {
    URI issuer = URI.create(issuerUri);
    return issuer.getScheme()
        + "://"
        + issuer.getHost()
        + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
  }
}
