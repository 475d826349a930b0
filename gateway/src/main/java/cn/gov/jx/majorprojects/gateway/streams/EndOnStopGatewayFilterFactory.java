package cn.gov.jx.majorprojects.gateway.streams;

import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code EndOnStop}, the filter of the live notification stream's route (application.yml): that
 * stream is a request that never finishes, so the gateway's graceful shutdown waited its whole 30 s
 * for every open one. When the gateway stops, this ends them first (its lifecycle stops before the
 * web server's graceful shutdown): each proxied stream is cut off from notification-service and its
 * answer ends, and the browser reconnects to a running gateway. A stream asked for while stopping
 * is a 503.
 */
@Component
public class EndOnStopGatewayFilterFactory extends AbstractGatewayFilterFactory<Object>
    implements SmartLifecycle {

  /** Before the response writer, which then writes the proxied answer to the decorated response. */
  static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

  private final GatewayProblems problems;
  private volatile Sinks.One<Boolean> stopping = Sinks.one();
  private volatile boolean running;

  EndOnStopGatewayFilterFactory(GatewayProblems problems) {
    super(Object.class);
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(this::filter, ORDER);
  }

  private Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (!running) {
      return problems.write(
          exchange, HttpStatus.SERVICE_UNAVAILABLE, "The gateway is stopping; connect again");
    }
    Mono<Boolean> stopped = stopping.asMono();
    // the proxied body ends when the gateway stops: the answer then ends as any answer does (its
    // last chunk), and the subscription to notification-service's stream is cancelled
    ServerHttpResponseDecorator endsOnStop =
        new ServerHttpResponseDecorator(exchange.getResponse()) {
          @Override
          public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return super.writeWith(Flux.from(body).takeUntilOther(stopped));
          }

          @Override
          public Mono<Void> writeAndFlushWith(
              Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return super.writeAndFlushWith(Flux.from(body).takeUntilOther(stopped));
          }
        };
    return chain.filter(exchange.mutate().response(endsOnStop).build());
  }

  @Override
  public void start() {
    stopping = Sinks.one();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    stopping.tryEmitValue(Boolean.TRUE);
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
