package cn.gov.jx.majorprojects.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;

/**
 * Everything a browser's login leaves on the gateway lives in its session, which Spring Session
 * keeps in Redis (application.yml), so any gateway replica serves the next request. Boot's default
 * keeps the login's access and refresh tokens (the authorized client) in this replica's memory,
 * keyed by user: another replica would find the session but no token to relay.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessionConfiguration {

  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }
}
