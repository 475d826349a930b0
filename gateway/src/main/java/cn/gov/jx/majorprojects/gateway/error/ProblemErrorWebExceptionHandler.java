package cn.gov.jx.majorprojects.gateway.error;

import static cn.gov.jx.majorprojects.gateway.error.GatewayProblems.causedBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.HttpStatusCodeException;
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
    ResponseStatus annotated =
        AnnotatedElementUtils.findMergedAnnotation(error.getClass(), ResponseStatus.class);
    if (error instanceof ResponseStatusException rse) {
      status = rse.getStatusCode();
      detail = detailFor(status, rse.getReason());
    } else if (error instanceof HttpStatusCodeException backend) {
      // the circuit breaker's CircuitBreakerStatusCodeException: the backend itself answered one of
      // the route's statusCodes (502/503), counted as a failure; the caller gets that status
      status = backend.getStatusCode();
      detail = detailFor(status, null);
    } else if (annotated != null) {
      // the gateway's own ServiceUnavailableException and TimeoutException say their status so
      status = annotated.code();
      detail = detailFor(status, null);
    } else if (causedBy(error, TimeoutException.class)) {
      status = HttpStatus.GATEWAY_TIMEOUT;
      detail = "The service did not answer in time";
    } else if (causedBy(error, AuthenticationServiceException.class)) {
      // the token could not be checked at all: no signing keys yet and Keycloak unreachable, or
      // answering something that is not a key set (wrapped by Spring's "Could not obtain the keys")
      warn("cannot check a token", exchange, error);
      status = HttpStatus.SERVICE_UNAVAILABLE;
      detail = "The identity service cannot be reached to check the token; try again shortly";
    } else if (causedBy(error, ConnectException.class, CallNotPermittedException.class)) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
      detail = "The service is not available; try again shortly";
    } else if (causedBy(error, IOException.class)) {
      warn("backend broke off", exchange, error);
      status = HttpStatus.BAD_GATEWAY;
      detail = "The service broke off its answer; try again";
    } else {
      log.error(
          "unexpected gateway error on {} (traceId {})",
          exchange.getRequest().getPath(),
          problems.traceId(exchange),
          error);
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      detail = "Unexpected error; quote the traceId";
    }
    return problems.write(exchange, status, detail);
  }

  private void warn(String what, ServerWebExchange exchange, Throwable error) {
    log.warn(
        "{} on {} (traceId {}): {}",
        what,
        exchange.getRequest().getPath(),
        problems.traceId(exchange),
        error.toString());
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
