package cn.gov.jx.majorprojects.support.client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * One {@link ServiceToken} per MVC service that has the OAuth2 client; the client registrations are
 * looked up on the first call, so a service that never calls out needs no token endpoint.
 */
@AutoConfiguration
@ConditionalOnClass(OAuth2AuthorizedClientManager.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ServiceTokenAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ServiceToken serviceToken(
      ObjectProvider<ClientRegistrationRepository> registrations, Environment environment) {
    return new ServiceToken(
        () -> ServiceToken.clientCredentials(registrations.getObject()),
        environment.getProperty("spring.application.name", "service"));
  }
}
