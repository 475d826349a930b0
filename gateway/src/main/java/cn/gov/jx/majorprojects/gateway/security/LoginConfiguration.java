package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The {@code keycloak} login registration, built from the realm's issuer without discovery, so the
 * gateway starts (and serves API tokens) while Keycloak is down.
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
}
