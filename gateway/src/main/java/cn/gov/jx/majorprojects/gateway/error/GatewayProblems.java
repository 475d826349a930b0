package cn.gov.jx.majorprojects.gateway.error;

import cn.gov.jx.majorprojects.support.web.Problems;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the platform's problem+json from anywhere in the reactive chain. */
@Component
public class GatewayProblems {

  private final JsonMapper json;
  private final ObjectProvider<Tracer> tracer;

  GatewayProblems(JsonMapper json, ObjectProvider<Tracer> tracer) {
    this.json = json;
    this.tracer = tracer;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
    ProblemDetail problem = Problems.of(status, detail);
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    String traceId = traceId(exchange);
    if (traceId != null) {
      problem.setProperty("traceId", traceId);
    }
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

  /** The current span's trace id, or the one the caller sent in {@code traceparent}. */
  String traceId(ServerWebExchange exchange) {
    Tracer t = tracer.getIfAvailable();
    Span span = t == null ? null : t.currentSpan();
    if (span != null && !span.context().traceId().isBlank()) {
      return span.context().traceId();
    }
    String traceparent = exchange.getRequest().getHeaders().getFirst("traceparent");
    if (traceparent != null) {
      String[] parts = traceparent.split("-");
      if (parts.length == 4 && parts[1].length() == 32) {
        return parts[1];
      }
    }
    return null;
  }
}
