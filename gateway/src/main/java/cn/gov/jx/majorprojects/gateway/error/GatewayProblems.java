package cn.gov.jx.majorprojects.gateway.error;

import cn.gov.jx.majorprojects.support.web.Problems;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the platform's problem+json from anywhere in the reactive chain. */
@Component
public class GatewayProblems {

  private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);

  private final JsonMapper json;
  private final ObjectProvider<Tracer> tracer;

  GatewayProblems(JsonMapper json, ObjectProvider<Tracer> tracer) {
    this.json = json;
    this.tracer = tracer;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
    ProblemDetail problem = Problems.of(status, detail);
    problem.setInstance(instance(exchange));
    problem.setProperty("traceId", traceId(exchange));
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer =
        response.bufferFactory().wrap(json.writeValueAsBytes(Problems.asMap(problem)));
    return response.writeWith(Mono.just(buffer));
  }

  /** The request path, or none when it is not a valid URI (a path the firewall refused). */
  private static URI instance(ServerWebExchange exchange) {
    try {
      return URI.create(exchange.getRequest().getPath().value());
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  /**
   * The request's trace id: from the current span, else from the exchange's server observation (the
   * security chain runs where no span is in scope), else the caller's {@code traceparent}, else a
   * fresh one that is logged, so a problem always carries one.
   */
  String traceId(ServerWebExchange exchange) {
    Tracer t = tracer.getIfAvailable();
    Span span = t == null ? null : t.currentSpan();
    if (span != null && !span.context().traceId().isBlank()) {
      return span.context().traceId();
    }
    String observed =
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
            .map(
                c ->
                    c.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
            .map(TracingObservationHandler.TracingContext::getSpan)
            .map(s -> s.context().traceId())
            .filter(id -> !id.isBlank())
            .orElse(null);
    if (observed != null) {
      return observed;
    }
    String traceparent = exchange.getRequest().getHeaders().getFirst("traceparent");
    if (traceparent != null) {
      String[] parts = traceparent.split("-");
      if (parts.length == 4 && parts[1].length() == 32) {
        return parts[1];
      }
    }
    String fresh = UUID.randomUUID().toString().replace("-", "");
    log.info(
        "no trace in scope for {}; problem carries traceId {}",
        exchange.getRequest().getPath(),
        fresh);
    return fresh;
  }

  /** True when the error or one of its causes is one of {@code types}. */
  @SafeVarargs
  public static boolean causedBy(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }
}
