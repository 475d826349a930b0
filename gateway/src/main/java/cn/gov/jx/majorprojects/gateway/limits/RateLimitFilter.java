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
 * {@code Retry-After}. Runs inside the security chain right after authentication, so it knows the
 * user but still throttles anonymous callers before they get their 401.
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
    String path = exchange.getRequest().getPath().value();
    if (path.startsWith("/actuator") || path.startsWith("/assets/")) {
      // management port: scrapes and probes are not throttled; nor are the console's hashed static
      // files, which a first page load fetches by the dozen: counted against the user they made
      // the page's own API calls (and its chunks: a 429 on a chunk reloads the page) fail
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(Authentication::isAuthenticated)
        .map(authentication -> "user:" + authentication.getName())
        .defaultIfEmpty("ip:" + clientAddress.of(exchange.getRequest()))
        .flatMap(
            key -> {
              long waitSeconds = buckets.tryTake(key, System.nanoTime());
              if (waitSeconds == 0) {
                return chain.filter(exchange);
              }
              exchange.getResponse().getHeaders().set("Retry-After", Long.toString(waitSeconds));
              return problems.write(
                  exchange,
                  HttpStatus.TOO_MANY_REQUESTS,
                  "Too many requests; try again in " + waitSeconds + " s");
            });
  }
}
