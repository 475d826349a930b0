package cn.gov.jx.majorprojects.gateway.security;

import java.util.regex.Pattern;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The login request sent to Keycloak: code flow with PKCE S256 (Spring adds PKCE only for public
 * clients; {@code console} is confidential and the realm demands S256), and the console's language
 * when it starts the login with {@code ?ui_locales=en} (Keycloak's login page then speaks it;
 * without it Keycloak follows its cookie, the browser's language, then the realm's zh-CN).
 */
final class KeycloakLoginRequests implements ServerOAuth2AuthorizationRequestResolver {

  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");

  private final DefaultServerOAuth2AuthorizationRequestResolver pkce;

  KeycloakLoginRequests(ReactiveClientRegistrationRepository registrations) {
    pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
  }

  @Override
  public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
    return pkce.resolve(exchange).map(request -> withLocale(exchange, request));
  }

  @Override
  public Mono<OAuth2AuthorizationRequest> resolve(
      ServerWebExchange exchange, String clientRegistrationId) {
    return pkce.resolve(exchange, clientRegistrationId)
        .map(request -> withLocale(exchange, request));
  }

  private static OAuth2AuthorizationRequest withLocale(
      ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
    String locale = exchange.getRequest().getQueryParams().getFirst("ui_locales");
    if (locale == null || !LOCALE.matcher(locale).matches()) {
      return request;
    }
    return OAuth2AuthorizationRequest.from(request)
        .additionalParameters(parameters -> parameters.put("ui_locales", locale))
        .authorizationRequestUri(request.getAuthorizationRequestUri() + "&ui_locales=" + locale)
        .build();
  }
}
