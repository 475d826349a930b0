package cn.gov.jx.majorprojects.gateway.limits;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per user (per client IP when anonymous) token bucket; over the limit: 429 problem+json with
 * {@code Retry-After}. For browsers and anonymous callers it runs inside the security chain right
 * after authentication, so it knows the user but still throttles anonymous callers before they get
 * their 401; a bearer call is admitted by {@code BearerAuthentication} once its token is checked.
 */
public class RateLimitFilter implements WebFilter {

  private final TokenBuckets buckets;
  private final ClientAddress clientAddress;
  private final GatewayProblems problems;

  public RateLimitFilter(
      GatewayProperties properties, ClientAddress clientAddress, GatewayProblems problems) {
    GatewayProperties.RateLimit limit = properties.rateLimit();
    this.buckets = new TokenBuckets(limit.replenishRate(), limit.burstCapacity());
    this.clientAddress = clientAddress;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (isExempt(exchange)) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(Authentication::isAuthenticated)
        .map(authentication -> userKey(authentication.getName()))
        .defaultIfEmpty("ip:" + clientAddress.of(exchange.getRequest()))
        .flatMap(key -> admit(exchange, chain, key));
  }

  /** For a caller already known by name (a bearer call, {@code BearerAuthentication}). */
  public Mono<Void> admitUser(ServerWebExchange exchange, WebFilterChain chain, String username) {
    return isExempt(exchange) ? chain.filter(exchange) : admit(exchange, chain, userKey(username));
  }

  private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, String key) {
    long waitSeconds = buckets.tryTake(key, System.nanoTime());
    if (waitSeconds == 0) {
      return chain.filter(exchange);
    }
    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(waitSeconds));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many requests; try again in " + waitSeconds + " s");
  }

  /**
   * Management port: scrapes and probes are not throttled; nor are the console's hashed static
   * files, which a first page load fetches by the dozen: counted against the user they made the
   * page's own API calls (and its chunks: a 429 on a chunk reloads the page) fail.
   */
  private static boolean isExempt(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().value();
    return path.startsWith("/actuator") || path.startsWith("/assets/");
  }

  /** One bucket per user, whether the calls come with a bearer token or a browser session. */
  private static String userKey(String username) {
    return "user:" + username;
  }
}
