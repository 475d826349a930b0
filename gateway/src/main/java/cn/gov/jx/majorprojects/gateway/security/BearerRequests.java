package cn.gov.jx.majorprojects.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** API clients send {@code Authorization: Bearer}; browsers send their session cookie instead. */
final class BearerRequests {

  private BearerRequests() {}

  static boolean isBearer(ServerWebExchange exchange) {
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }
}
