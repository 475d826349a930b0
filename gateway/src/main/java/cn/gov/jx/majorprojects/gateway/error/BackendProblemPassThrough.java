package cn.gov.jx.majorprojects.gateway.error;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory.CircuitBreakerStatusCodeException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A backend's own 502/503 answer (issue-service's "project-service is not answering", a service's
 * "cannot reach its database") reaches the caller as the service wrote it. The route's circuit
 * breaker counts such a status as a failure by raising {@link CircuitBreakerStatusCodeException}
 * before the backend's body is read, so the caller used to get the gateway's generic problem
 * instead. Placed outside the circuit breaker (a route filter) and inside the response writer, this
 * drops that exception once the breaker has counted it: the backend's answer is then written like
 * any other.
 */
@Component
class BackendProblemPassThrough implements GlobalFilter, Ordered {

  /** Right after the response writer, before every route filter (those are ordered 1, 2, …). */
  static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain
        .filter(exchange)
        .onErrorResume(CircuitBreakerStatusCodeException.class, counted -> Mono.empty());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
