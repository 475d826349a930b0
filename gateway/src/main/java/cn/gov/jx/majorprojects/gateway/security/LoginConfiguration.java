package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.gateway.metrics.JwksFetches;
import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * The {@code keycloak} login registration, built from the realm's issuer without discovery, so the
 * gateway starts (and serves API tokens) while Keycloak is down; and the login's calls to Keycloak,
 * which Spring Security's login picks up as beans: the code exchange and the user info on {@link
 * KeycloakCalls}' bounded client, the ID token checked against the same cached signing keys as API
 * tokens ({@link SigningKeyCache}: one fetch after Keycloak rotates its key, for both).
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(
      PlatformProperties platform, GatewayProperties gateway) {
    String oidc = platform.issuerUri() + "/protocol/openid-connect";
    ClientRegistration keycloak =
        ClientRegistration.withRegistrationId(GatewaySecurityConfiguration.REGISTRATION)
            .clientId(gateway.login().clientId())
            .clientSecret(gateway.login().clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile")
            .issuerUri(platform.issuerUri())
            .authorizationUri(oidc + "/auth")
            .tokenUri(oidc + "/token")
            .jwkSetUri(platform.jwkSetUriOrDefault())
            .userInfoUri(oidc + "/userinfo")
            .userNameAttributeName("preferred_username")
            .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
            .build();
    return new InMemoryReactiveClientRegistrationRepository(keycloak);
  }

  @Bean
  SigningKeyCache signingKeyCache(
      PlatformProperties platform, GatewayProperties gateway, JwksFetches fetches) {
    GatewayProperties.SigningKeys settings = gateway.signingKeys();
    return new SigningKeyCache(
        KeycloakCalls.webClient(gateway.login().timeout()),
        platform.jwkSetUriOrDefault(),
        settings.minRefetchInterval(),
        settings.fetchTimeout(),
        System::nanoTime,
        fetches);
  }

  @Bean
  ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange(
      GatewayProperties gateway) {
    WebClientReactiveAuthorizationCodeTokenResponseClient client =
        new WebClientReactiveAuthorizationCodeTokenResponseClient();
    client.setWebClient(KeycloakCalls.webClient(gateway.login().timeout()));
    return request -> unreachableAsLoginFailure(client.getTokenResponse(request));
  }

  @Bean
  ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> userInfo(GatewayProperties gateway) {
    DefaultReactiveOAuth2UserService users = new DefaultReactiveOAuth2UserService();
    users.setWebClient(KeycloakCalls.webClient(gateway.login().timeout()));
    return request -> unreachableAsLoginFailure(users.loadUser(request));
  }

  /**
   * Keycloak refused, broke off or did not answer in time: a failed login (the failure handler's
   * 503 page), not an error page of the gateway's own.
   */
  static <T> Mono<T> unreachableAsLoginFailure(Mono<T> call) {
    return call.onErrorMap(
        WebClientRequestException.class,
        e ->
            new OAuth2AuthenticationException(
                new OAuth2Error("temporarily_unavailable", "Keycloak did not answer", null), e));
  }

  /** ID tokens: RS256 by the realm's cached keys, then Spring's OIDC checks (nonce, aud, iss). */
  @Bean
  ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders(SigningKeyCache keys) {
    Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();
    ClaimTypeConverter claimTypes =
        new ClaimTypeConverter(
            ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());
    return registration ->
        decoders.computeIfAbsent(
            registration.getRegistrationId(),
            id -> {
              NimbusReactiveJwtDecoder decoder =
                  NimbusReactiveJwtDecoder.withJwkSource(keys)
                      .jwsAlgorithm(SignatureAlgorithm.RS256)
                      .build();
              decoder.setJwtValidator(
                  new DelegatingOAuth2TokenValidator<>(
                      new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
              decoder.setClaimSetConverter(claimTypes);
              return decoder;
            });
  }
}
