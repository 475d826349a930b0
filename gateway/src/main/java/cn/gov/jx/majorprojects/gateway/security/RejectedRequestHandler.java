package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request the firewall refuses ({@code /api/../internal}, encoded slashes, bad header values): a
 * whole 400 problem+json with its Content-Length, and {@code Connection: close}. Spring's default
 * handler only sets the status and leaves an empty, synchronously completed answer, after which
 * Reactor Netty 1.3.6 sometimes stops reading the kept-alive connection, so the client's next
 * request hung; a request this odd does not deserve the connection anyway. The security headers
 * come from {@link SecurityHeaders}, as on every answer.
 */
class RejectedRequestHandler implements ServerExchangeRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(RejectedRequestHandler.class);

  private final GatewayProblems problems;

  RejectedRequestHandler(GatewayProblems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    log.debug("firewall rejected {}: {}", exchange.getRequest().getPath(), rejected.getMessage());
    HttpHeaders headers = exchange.getResponse().getHeaders();
    headers.set(HttpHeaders.CONNECTION, "close");
    headers.setCacheControl("no-store");
    return problems.write(exchange, HttpStatus.BAD_REQUEST, "The request was refused as malformed");
  }
}
