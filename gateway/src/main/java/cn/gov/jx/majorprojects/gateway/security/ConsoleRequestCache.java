package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.console.ConsolePages;
import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Remembers the console page a browser asked for before it had to log in, so the login ends on that
 * page. Only console pages are saved (an API call without a login is a 401, not a redirect), and
 * only their requests look into the session for one, so API calls open no session for it. The page
 * comes back with its own address (no {@code ?continue} marker the console would have to ignore).
 */
final class ConsoleRequestCache implements ServerRequestCache {

  private final WebSessionServerRequestCache sessions = new WebSessionServerRequestCache();

  ConsoleRequestCache() {
    sessions.setSaveRequestMatcher(ConsolePages.PAGES);
    sessions.setMatchingRequestParameterName(null);
  }

  @Override
  public Mono<Void> saveRequest(ServerWebExchange exchange) {
    return sessions.saveRequest(exchange);
  }

  @Override
  public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
    return sessions.getRedirectUri(exchange);
  }

  @Override
  public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
    return ConsolePages.isPage(exchange.getRequest())
        ? sessions.removeMatchingRequest(exchange)
        : Mono.empty();
  }
}
