package cn.gov.jx.majorprojects.gateway.error;

import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers (no route, backend down or slow, too large) as
 * problem+json, never Boot's default error JSON or an HTML page.
 */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

  private final GatewayProblems problems;

  ProblemErrorWebExceptionHandler(GatewayProblems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    HttpStatusCode status;
    String detail;
    if (error instanceof ResponseStatusException rse) {
      status = rse.getStatusCode();
      detail = detailFor(status, rse.getReason());
    } else if (error instanceof TimeoutException) {
      status = HttpStatus.GATEWAY_TIMEOUT;
      detail = "The service did not answer in time";
    } else if (error instanceof java.net.ConnectException
        || error.getCause() instanceof java.net.ConnectException) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
      detail = "The service is not available; try again shortly";
    } else {
      log.error("unexpected gateway error on {}", exchange.getRequest().getPath(), error);
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      detail = "Unexpected error; quote the traceId";
    }
    return problems.write(exchange, status, detail);
  }

  private static String detailFor(HttpStatusCode status, String reason) {
    if (status.value() == 404) {
      return "No such resource";
    }
    if (status.value() == 503) {
      return "The service is not available; try again shortly";
    }
    if (status.value() == 504) {
      return "The service did not answer in time";
    }
    return reason == null ? HttpStatus.valueOf(status.value()).getReasonPhrase() : reason;
  }
}
