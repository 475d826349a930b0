package cn.gov.jx.majorprojects.gateway.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Browser logins live in the server-side session; a bearer-token call is stateless and must not
 * touch it. Without this, every API call asked for a session: the in-memory store made a new one
 * per call (hopping to two other thread pools to do so), which cost most of the gateway's
 * throughput.
 */
final class SessionUnlessBearerSecurityContextRepository
    implements ServerSecurityContextRepository {

  private final ServerSecurityContextRepository sessions =
      new WebSessionServerSecurityContextRepository();

  @Override
  public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
    return BearerRequests.isBearer(exchange) ? Mono.empty() : sessions.save(exchange, context);
  }

  @Override
  public Mono<SecurityContext> load(ServerWebExchange exchange) {
    return BearerRequests.isBearer(exchange) ? Mono.empty() : sessions.load(exchange);
  }
}
