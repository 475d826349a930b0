package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import cn.gov.jx.majorprojects.gateway.limits.RateLimitFilter;
import cn.gov.jx.majorprojects.support.security.JwtRules;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The bearer way in, in one filter: API clients present a Keycloak JWT ({@code Authorization:
 * Bearer}), which is the only credential of a stateless call. The gateway checks it (RS256 only,
 * issuer, audience, expiry: {@link JwtRules}, each distinct token in full once, {@link
 * VerifiedTokens}), refuses the {@code services} client's token on {@code /api/**} (403: it is for
 * the services' {@code /internal/**}, which the gateway does not route), applies CORS and the
 * per-user rate limit, and passes the call on with the caller as the exchange's principal. A
 * missing, malformed, forged, expired, wrong-audience or wrong-issuer token is a 401 problem with
 * {@code WWW-Authenticate: Bearer} on every request; a token that cannot be checked at all (no
 * signing keys and Keycloak unreachable) is a 503 problem.
 *
 * <p>Why not Spring Security's resource server here: its chain (a dozen reactive filters, the
 * authentication manager, the authorization manager) cost more than a third of the gateway's CPU
 * per request for work that, with a known token, is a hash lookup (issue 13, docs/benchmarks.md).
 * Calls without a bearer token (browsers, anonymous callers) still go through Spring Security's
 * chain ({@link GatewaySecurityConfiguration}); its firewall still screens every call, bearer or
 * not, before anything is routed.
 */
final class BearerAuthentication implements WebFilter, Ordered {

  /** Before Spring Security's WebFilterChainProxy (-100), after the size and header filters. */
  static final int ORDER = -150;

  private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

  private static final Converter<Jwt, AbstractAuthenticationToken> CALLER =
      JwtRules.authenticationConverter();

  private final VerifiedTokens tokens;
  private final String serviceClientId;
  private final RateLimitFilter rateLimit;
  private final CorsConfigurationSource cors;
  private final CorsProcessor corsProcessor = new DefaultCorsProcessor();
  private final GatewayProblems problems;

  BearerAuthentication(
      VerifiedTokens tokens,
      String serviceClientId,
      RateLimitFilter rateLimit,
      CorsConfigurationSource cors,
      GatewayProblems problems) {
    this.tokens = tokens;
    this.serviceClientId = serviceClientId;
    this.rateLimit = rateLimit;
    this.cors = cors;
    this.problems = problems;
  }

  /** API clients send a bearer token; browsers their session cookie instead. */
  static boolean isBearer(ServerWebExchange exchange) {
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!isBearer(exchange)) {
      return chain.filter(exchange);
    }
    if (!corsProcessor.process(cors.getCorsConfiguration(exchange), exchange)) {
      return Mono.empty(); // a foreign origin: the processor answered 403
    }
    String token =
        exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION).substring(7);
    Jwt known = tokens.known(token);
    if (known != null) {
      return admit(exchange, chain, known); // this very string was checked in full before
    }
    if (!isB64Token(token)) {
      return unauthorized(exchange);
    }
    return tokens
        .decode(token)
        .onErrorMap(
            JwtException.class,
            e ->
                e instanceof BadJwtException
                    ? new Refused(e)
                    : new AuthenticationServiceException(e.getMessage(), e))
        .flatMap(jwt -> admit(exchange, chain, jwt))
        .onErrorResume(Refused.class, refused -> unauthorized(exchange));
  }

  /**
   * RFC 6750's b64token ({@code [A-Za-z0-9-._~+/]+=*}), as Spring Security's bearer token converter
   * reads it; a loop, not a regular expression, as it runs on every call (issue 13).
   */
  static boolean isB64Token(String token) {
    int end = token.length();
    while (end > 0 && token.charAt(end - 1) == '=') {
      end--;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = token.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '+'
              || c == '/';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, Jwt jwt) {
    if (JwtRules.isServiceToken(jwt, serviceClientId)
        && API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
      return forbidden(problems, exchange);
    }
    AbstractAuthenticationToken caller = CALLER.convert(jwt);
    ServerWebExchange authenticated = exchange.mutate().principal(Mono.just(caller)).build();
    return rateLimit.admitUser(authenticated, chain, caller.getName());
  }

  private Mono<Void> unauthorized(ServerWebExchange exchange) {
    return unauthorized(problems, exchange);
  }

  /** 401, for a bearer call and for a browser's API call without a login alike. */
  static Mono<Void> unauthorized(GatewayProblems problems, ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problems.write(
        exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token or a login is required");
  }

  static Mono<Void> forbidden(GatewayProblems problems, ServerWebExchange exchange) {
    return problems.write(exchange, HttpStatus.FORBIDDEN, "You may not do this");
  }

  /** A token that is not valid (as opposed to one that could not be checked). */
  private static final class Refused extends RuntimeException {
    Refused(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
