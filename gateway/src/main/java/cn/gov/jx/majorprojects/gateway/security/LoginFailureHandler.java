package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * A failed browser login: Keycloak unreachable is a clear 503 page (not a redirect loop or a hang);
 * anything else (state mismatch, denied consent) is a 401 page.
 */
class LoginFailureHandler implements ServerAuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

  private final GatewayProblems problems;

  LoginFailureHandler(GatewayProblems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> onAuthenticationFailure(
      WebFilterExchange webFilterExchange, AuthenticationException exception) {
    boolean keycloakDown = isUnreachable(exception);
    log.warn(
        "browser login failed (keycloak unreachable: {}): {}", keycloakDown, exception.toString());
    HttpStatus status = keycloakDown ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED;
    String detail =
        keycloakDown
            ? "The login service is not available right now; signed-in users can go on working. Try again in a few minutes."
            : "The login did not succeed; start again.";
    var exchange = webFilterExchange.getExchange();
    if (exchange.getRequest().getHeaders().getAccept().contains(MediaType.TEXT_HTML)) {
      exchange.getResponse().setStatusCode(status);
      exchange.getResponse().getHeaders().setContentType(MediaType.TEXT_HTML);
      String page =
          "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>"
              + status.value()
              + "</title><h1>"
              + (keycloakDown ? "登录服务暂不可用" : "登录未成功")
              + "</h1><p>"
              + detail
              + "</p><p><a href=\"/oauth2/authorization/keycloak\">Try again / 重试</a></p></html>";
      return exchange
          .getResponse()
          .writeWith(
              Mono.just(
                  exchange
                      .getResponse()
                      .bufferFactory()
                      .wrap(page.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
    return problems.write(exchange, status, detail);
  }

  /**
   * Keycloak cannot be reached, broke off, or answered the code exchange with something that is not
   * a token response (not JSON, another shape, no body, over the codec's 256 KB): its failure, not
   * the user's.
   */
  static boolean isUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OAuth2AuthenticationException e && isGarbage(e.getError())
          || t instanceof OAuth2AuthorizationException a && isGarbage(a.getError())) {
        return true;
      }
    }
    return GatewayProblems.causedBy(
        error,
        DataBufferLimitException.class,
        ConnectException.class,
        TimeoutException.class,
        WebClientRequestException.class,
        java.io.IOException.class);
  }

  private static boolean isGarbage(OAuth2Error error) {
    return List.of("invalid_token_response", "server_error", "temporarily_unavailable")
        .contains(error.getErrorCode());
  }
}
