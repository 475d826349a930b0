package cn.gov.jx.majorprojects.bench.floor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every request needs a valid bearer token, and that is all: stateless like the production
 * gateway's bearer chain (no session, no CSRF, no request cache), Spring Security's default
 * headers; the decoder is Boot's (JWKS, issuer and audience from {@code
 * spring.security.oauth2.resourceserver.jwt.*}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("jwt")
class JwtOnlySecurity {

  @Bean
  SecurityWebFilterChain jwtOnly(ServerHttpSecurity http) {
    return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
        .oauth2ResourceServer(rs -> rs.jwt(jwt -> {}))
        .build();
  }
}
