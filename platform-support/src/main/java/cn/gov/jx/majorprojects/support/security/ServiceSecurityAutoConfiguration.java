package cn.gov.jx.majorprojects.support.security;

import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import cn.gov.jx.majorprojects.support.web.ApiExceptionHandler;
import cn.gov.jx.majorprojects.support.web.ProblemWriter;
import cn.gov.jx.majorprojects.support.web.TraceIds;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource-server security of every MVC service: Bearer JWTs only (RS256, issuer, audience,
 * expiry), stateless, {@code /internal/**} for the {@code services} client only, problem+json for
 * 401/403, and {@link PlatformUser} as a controller parameter.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TraceIds traceIds(ObjectProvider<Tracer> tracer) {
    return new TraceIds(tracer);
  }

  @Bean
  @ConditionalOnMissingBean
  ApiExceptionHandler apiExceptionHandler(TraceIds traceIds) {
    return new ApiExceptionHandler(traceIds);
  }

  @Bean
  ProblemWriter problemWriter(JsonMapper json, TraceIds traceIds) {
    return new ProblemWriter(json, traceIds);
  }

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(PlatformProperties properties) {
    return ServiceJwtDecoder.create(
        properties.jwkSetUriOrDefault(),
        Duration.ofMinutes(5),
        JwtRules.validator(properties.issuerUri(), properties.audience()));
  }

  /** The management port is never routed by the gateway and exposes health/info/prometheus only. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain serviceSecurityFilterChain(
      HttpSecurity http, ProblemWriter problems, PlatformProperties properties) throws Exception {
    AuthorizationManager<RequestAuthorizationContext> serviceClientOnly =
        (authentication, context) ->
            new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken token
                    && JwtRules.isServiceToken(token.getToken(), properties.serviceClientId()));
    // the services client's token is for /internal/** only: on a user's API it would act as a
    // user without a region or roles (found by AuthenticationE2ETests)
    AuthorizationManager<RequestAuthorizationContext> usersOnly =
        (authentication, context) ->
            new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken token
                    && !JwtRules.isServiceToken(token.getToken(), properties.serviceClientId()));
    return http.csrf(csrf -> csrf.disable())
        .addFilterBefore(new KeysUnavailableFilter(problems), BearerTokenAuthenticationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/internal/**")
                    .access(serviceClientOnly)
                    .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/error")
                    .permitAll()
                    .anyRequest()
                    .access(usersOnly))
        .oauth2ResourceServer(
            rs ->
                rs.jwt(jwt -> jwt.jwtAuthenticationConverter(JwtRules.authenticationConverter()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(Customizer.withDefaults())
        .build();
  }

  @Bean
  WebMvcConfigurer platformUserArgument() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
      }
    };
  }
}
