package cn.gov.jx.majorprojects.gateway.limits;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for bodies over the limit (10 MB for the two Excel imports, 1 MB otherwise), before anything
 * is forwarded; a chunked body without a length is counted while it streams.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter implements WebFilter {

  /** The Excel uploads: projects (admin) and a month's progress reports (owners). */
  static final Set<String> IMPORT_PATHS =
      Set.of("/api/projects/import", "/api/progress-reports/import");

  private final GatewayProperties.MaxBody limits;
  private final GatewayProblems problems;

  RequestSizeFilter(GatewayProperties properties, GatewayProblems problems) {
    this.limits = properties.maxBody();
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long limit =
        IMPORT_PATHS.contains(request.getPath().value())
            ? limits.importPath().toBytes()
            : limits.json().toBytes();
    long declared = request.getHeaders().getContentLength();
    if (declared > limit) {
      return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
    }
    if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      // a length to go by, or no body at all: in HTTP/1.1 (all the gateway speaks) a request has
      // one only with a Content-Length or a Transfer-Encoding; not decorating every GET saves an
      // exchange copy per API call (issue 13)
      return chain.filter(exchange);
    }
    ServerHttpRequest counted =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody()
                .doOnNext(
                    buffer -> {
                      if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        throw new ResponseStatusException(
                            HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
                      }
                    });
          }
        };
    return chain.filter(exchange.mutate().request(counted).build());
  }

  private static String tooLarge(long limit) {
    return "The request body is larger than " + (limit / (1024 * 1024)) + " MB";
  }
}
