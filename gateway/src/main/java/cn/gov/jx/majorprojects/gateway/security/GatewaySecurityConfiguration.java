package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import cn.gov.jx.majorprojects.gateway.limits.ClientAddress;
import cn.gov.jx.majorprojects.gateway.limits.RateLimitFilter;
import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import cn.gov.jx.majorprojects.support.security.JwtRules;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * API clients present Keycloak JWTs; the gateway validates them (RS256 only, issuer, audience,
 * expiry) before routing, and each service validates them again. Paths outside /api are not routed
 * at all, so they fall through to 404 rather than 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

  @Bean
  ReactiveJwtDecoder jwtDecoder(PlatformProperties properties) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUriOrDefault())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtRules.validator(properties.issuerUri(), properties.audience()));
    return decoder;
  }

  @Bean
  SecurityWebFilterChain apiSecurity(
      ServerHttpSecurity http,
      GatewayProblems problems,
      GatewayProperties properties,
      ClientAddress clientAddress) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .headers(headers -> SecurityHeaders.apply(headers, properties))
        .cors(cors -> cors.configurationSource(corsSource(properties)))
        .addFilterAfter(
            new RateLimitFilter(properties, clientAddress, problems),
            SecurityWebFiltersOrder.AUTHENTICATION)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges ->
                exchanges.pathMatchers("/api/**").authenticated().anyExchange().permitAll())
        .oauth2ResourceServer(
            rs ->
                rs.jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(
                                    JwtRules.authenticationConverter())))
                    .authenticationEntryPoint(
                        (exchange, e) -> {
                          exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                          return problems.write(
                              exchange,
                              HttpStatus.UNAUTHORIZED,
                              "A valid bearer token is required");
                        })
                    .accessDeniedHandler(
                        (exchange, e) ->
                            problems.write(exchange, HttpStatus.FORBIDDEN, "You may not do this")))
        .build();
  }

  /** Only the origins named in config; with none, no cross-origin call is allowed. */
  static CorsConfigurationSource corsSource(GatewayProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins =
        properties.corsAllowedOrigins().stream()
            .filter(o -> !o.isBlank() && !o.equals("*"))
            .toList();
    if (!origins.isEmpty()) {
      CorsConfiguration cors = new CorsConfiguration();
      cors.setAllowedOrigins(origins);
      cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
      cors.setAllowedHeaders(
          List.of("Authorization", "Content-Type", "If-Match", "traceparent", "X-XSRF-TOKEN"));
      cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
      cors.setAllowCredentials(true);
      cors.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", cors);
    }
    return source;
  }
}
