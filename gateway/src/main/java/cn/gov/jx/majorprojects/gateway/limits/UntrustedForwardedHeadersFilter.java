package cn.gov.jx.majorprojects.gateway.limits;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Drops {@code Forwarded} and {@code X-Forwarded-*} sent by anyone but a configured proxy, so
 * neither the gateway nor the services see a client-invented address, host or scheme.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UntrustedForwardedHeadersFilter implements WebFilter {

  private static final List<String> HEADERS =
      List.of(
          "Forwarded",
          "X-Forwarded-For",
          "X-Forwarded-Host",
          "X-Forwarded-Proto",
          "X-Forwarded-Port",
          "X-Forwarded-Prefix",
          "X-Real-IP");

  private final ClientAddress clientAddress;

  UntrustedForwardedHeadersFilter(ClientAddress clientAddress) {
    this.clientAddress = clientAddress;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!carriesAny(request) || clientAddress.isTrustedProxy(ClientAddress.peer(request))) {
      return chain.filter(exchange);
    }
    ServerHttpRequest cleaned = request.mutate().headers(h -> HEADERS.forEach(h::remove)).build();
    return chain.filter(exchange.mutate().request(cleaned).build());
  }

  /** A loop, not a stream: it runs on every call (issue 13). */
  private static boolean carriesAny(ServerHttpRequest request) {
    for (String header : HEADERS) {
      if (request.getHeaders().containsHeader(header)) {
        return true;
      }
    }
    return false;
  }
}
