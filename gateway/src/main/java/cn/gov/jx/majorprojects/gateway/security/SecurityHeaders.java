package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import reactor.core.publisher.Mono;

/** Headers on every answer, the gateway's own and the services' alike. */
final class SecurityHeaders {

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

  static final String HSTS = "max-age=31536000; includeSubDomains";

  private SecurityHeaders() {}

  static void apply(
      ServerHttpSecurity.HeaderSpec headers, GatewayProperties properties, String issuerUri) {
    java.net.URI issuer = java.net.URI.create(issuerUri);
    String keycloakOrigin =
        issuer.getScheme()
            + "://"
            + issuer.getHost()
            + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
    headers
        .contentTypeOptions(c -> {})
        .frameOptions(f -> f.mode(Mode.DENY))
        .contentSecurityPolicy(csp -> csp.policyDirectives(csp(keycloakOrigin)))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        // Spring writes HSTS only on https requests; TLS ends at the ingress, so write it ourselves
        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable);
    if (properties.secureTransport()) {
      headers.writer(
          exchange -> {
            exchange.getResponse().getHeaders().set("Strict-Transport-Security", HSTS);
            return Mono.empty();
          });
    }
  }
}
