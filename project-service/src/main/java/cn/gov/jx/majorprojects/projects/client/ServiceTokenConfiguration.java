package cn.gov.jx.majorprojects.projects.client;

import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Adds the `services` client-credentials token; not bound to a servlet request (relay thread). */
public class ServiceTokenConfiguration {

  @Bean
  OAuth2AuthorizedClientManager serviceClientManager(
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
    return new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
  }

  @Bean
  RequestInterceptor serviceToken(OAuth2AuthorizedClientManager serviceClientManager) {
    return template -> {
      OAuth2AuthorizedClient client =
          serviceClientManager.authorize(
              OAuth2AuthorizeRequest.withClientRegistrationId("services")
                  .principal("project-service")
                  .build());
      if (client == null) {
        throw new IllegalStateException("no token for client registration 'services'");
      }
      template.header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
    };
  }
}
