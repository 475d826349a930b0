package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.gateway.console.ConsolePages;
import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import cn.gov.jx.majorprojects.gateway.limits.ClientAddress;
import cn.gov.jx.majorprojects.gateway.limits.RateLimitFilter;
import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import cn.gov.jx.majorprojects.support.security.JwtRules;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Two ways in. API clients present Keycloak JWTs; the gateway validates them (RS256 only, issuer,
 * audience, expiry) before routing, and each service validates them again. Browsers log in with
 * Keycloak (client {@code console}, code + PKCE), hold a server-side session, send a CSRF token on
 * changes, and the gateway relays their access token to the services. Paths outside /api are not
 * routed at all, so they fall through to 404 rather than 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

  static final String REGISTRATION = "keycloak";
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  @Bean
  ReactiveJwtDecoder jwtDecoder(PlatformProperties platform, GatewayProperties gateway) {
    GatewayProperties.SigningKeys settings = gateway.signingKeys();
    SigningKeyCache keys =
        new SigningKeyCache(
            WebClient.create(),
            platform.jwkSetUriOrDefault(),
            settings.minRefetchInterval(),
            settings.fetchTimeout(),
            System::nanoTime);
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
    decoder.setJwtValidator(JwtRules.validator(platform.issuerUri(), platform.audience()));
    return decoder;
  }

  /** Picked up by Spring Security's WebFilterChainProxy for requests its firewall refuses. */
  @Bean
  ServerExchangeRejectedHandler rejectedRequestHandler(GatewayProblems problems) {
    return new RejectedRequestHandler(problems);
  }

  @Bean
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http,
      GatewayProblems problems,
      GatewayProperties properties,
      ClientAddress clientAddress,
      ReactiveClientRegistrationRepository registrations,
      PlatformProperties platform) {
    ServerAuthenticationEntryPoint apiEntryPoint =
        (exchange, e) -> {
          exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
          return problems.write(
              exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token or a login is required");
        };
    DelegatingServerAuthenticationEntryPoint entryPoint =
        new DelegatingServerAuthenticationEntryPoint(
            new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                new PathPatternParserServerWebExchangeMatcher("/api/**"), apiEntryPoint));
    // a console page without a login goes to Keycloak's login and, after it, back to that page
    ConsoleRequestCache consolePages = new ConsoleRequestCache();
    RedirectServerAuthenticationEntryPoint toLogin =
        new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
    toLogin.setRequestCache(consolePages);
    entryPoint.setDefaultEntryPoint(toLogin);

    OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession =
        new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");

    return http.securityContextRepository(new SessionUnlessBearerSecurityContextRepository())
        .headers(headers -> SecurityHeaders.apply(headers, properties, platform.issuerUri()))
        .cors(cors -> cors.configurationSource(corsSource(properties)))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                    .requireCsrfProtectionMatcher(sessionRequestsThatChangeState()))
        // an API call without a login is a 401 problem, never a redirect; only pages are saved
        .requestCache(cache -> cache.requestCache(consolePages))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .addFilterAfter(
            new RateLimitFilter(properties, clientAddress, problems),
            SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAfter(csrfCookieForSessions(), SecurityWebFiltersOrder.CSRF)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/api/**")
                    .authenticated()
                    .matchers(ConsolePages.PAGES)
                    .authenticated()
                    .anyExchange()
                    .permitAll())
        .oauth2Login(
            login ->
                login
                    .authorizationRequestResolver(new KeycloakLoginRequests(registrations))
                    .authenticationFailureHandler(new LoginFailureHandler(problems)))
        // ends the gateway's session, then Keycloak's (RP-initiated logout), which sends the
        // browser back to / and so, having no session either, to Keycloak's login form
        .logout(
            logout ->
                logout
                    .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                    .logoutSuccessHandler(endKeycloakSession))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(
                        (exchange, denied) ->
                            problems.write(exchange, HttpStatus.FORBIDDEN, "You may not do this")))
        .oauth2ResourceServer(
            rs ->
                rs.jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(
                                    JwtRules.authenticationConverter())))
                    .authenticationEntryPoint(apiEntryPoint)
                    .accessDeniedHandler(
                        (exchange, denied) ->
                            problems.write(exchange, HttpStatus.FORBIDDEN, "You may not do this")))
        .build();
  }

  /** A bearer-token call carries no ambient credential, so only cookie sessions need CSRF. */
  static ServerWebExchangeMatcher sessionRequestsThatChangeState() {
    return exchange -> {
      HttpMethod method = exchange.getRequest().getMethod();
      return SAFE.contains(method) || BearerRequests.isBearer(exchange)
          ? ServerWebExchangeMatcher.MatchResult.notMatch()
          : ServerWebExchangeMatcher.MatchResult.match();
    };
  }

  /**
   * The CSRF token is deferred; subscribing makes the XSRF-TOKEN cookie reach the console. Bearer
   * calls need no CSRF token, so they get no cookie (and skip the token's generation).
   */
  static WebFilter csrfCookieForSessions() {
    return (exchange, chain) -> {
      Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
      return token == null || BearerRequests.isBearer(exchange)
          ? chain.filter(exchange)
          : token.then(chain.filter(exchange));
    };
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
