package cn.gov.jx.majorprojects.issues.client;

import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Adds the client-credentials token of client {@code services} to every call (contracts). */
public class ServicesTokenConfiguration {

  static final String REGISTRATION = "services";

  // not the servlet-request-bound manager: relay and sweep call from scheduled threads
  @Bean
  OAuth2AuthorizedClientManager servicesClientManager(ClientRegistrationRepository registrations) {
    var manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(
            registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    return manager;
  }

  @Bean
  RequestInterceptor servicesBearerToken(OAuth2AuthorizedClientManager servicesClientManager) {
    return template -> {
      OAuth2AuthorizedClient client =
          servicesClientManager.authorize(
              OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                  .principal("issue-service")
                  .build());
      if (client == null) {
        throw new IllegalStateException("no token for client " + REGISTRATION);
      }
      template.header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
    };
  }
}
