package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.config.GatewayProperties;
import cn.gov.jx.majorprojects.gateway.console.ConsolePages;
import cn.gov.jx.majorprojects.gateway.error.GatewayProblems;
import cn.gov.jx.majorprojects.gateway.limits.ClientAddress;
import cn.gov.jx.majorprojects.gateway.limits.RateLimitFilter;
import cn.gov.jx.majorprojects.support.config.PlatformProperties;
import cn.gov.jx.majorprojects.support.security.JwtRules;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Two ways in. API clients present Keycloak JWTs ({@code Authorization: Bearer}); the gateway
 * validates them (RS256 only, issuer, audience, expiry) before routing, and each service validates
 * them again; such a call is stateless and handled whole by {@link BearerAuthentication}, outside
 * Spring Security's filter chain (issue 13). Browsers log in with Keycloak (client {@code console},
 * code + PKCE), hold a server-side session, send a CSRF token on changes, and the gateway relays
 * their access token to the services: Spring Security's chain below. Both ways share CORS, the rate
 * limit, the {@code services} client's exclusion from {@code /api/**} and the headers ({@link
 * SecurityHeaders}); a bearer token is enough for every path, a browser needs a login for {@code
 * /api/**} and the console's pages; the rest is public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

  static final String REGISTRATION = "keycloak";

  /** Everything without a bearer token: those are {@link BearerAuthentication}'s. */
  static final ServerWebExchangeMatcher NOT_BEARER =
      exchange ->
          BearerAuthentication.isBearer(exchange)
              ? ServerWebExchangeMatcher.MatchResult.notMatch()
              : ServerWebExchangeMatcher.MatchResult.match();

  private final GatewayProblems problems;
  private final GatewayProperties properties;
  private final PlatformProperties platform;
  // one instance for both chains, so a user's calls share one bucket however they come
  private final RateLimitFilter rateLimit;
  private final CorsConfigurationSource cors;

  GatewaySecurityConfiguration(
      GatewayProblems problems,
      GatewayProperties properties,
      PlatformProperties platform,
      ClientAddress clientAddress) {
    this.problems = problems;
    this.properties = properties;
    this.platform = platform;
    this.rateLimit = new RateLimitFilter(properties, clientAddress, problems);
    this.cors = corsSource(properties);
  }

  /** Also what {@code /api/me} decodes a browser session's access token with. */
  @Bean
  VerifiedTokens jwtDecoder(SigningKeyCache keys) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
    decoder.setJwtValidator(JwtRules.validator(platform.issuerUri(), platform.audience()));
    return new VerifiedTokens(decoder, properties.tokenCache().maxEntries(), Clock.systemUTC());
  }

  /**
   * No Spring Security observations at all. {@code management.observations.enable[spring.security]}
   * only makes them no-ops: Spring Security still wrapped each of its filters, the authentication
   * manager and the authorization manager in an observing decorator, on every request (issue 13).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Spring Security's strict firewall for every request (bearer calls included: its
   * WebFilterChainProxy runs the firewall before choosing a chain), with the same rules for header
   * and parameter names and values checked without a regular expression ({@link PrintableText}).
   */
  @Bean
  ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderNames(PrintableText.NAMES);
    firewall.setAllowedHeaderValues(PrintableText.HEADER_VALUES);
    firewall.setAllowedParameterNames(PrintableText.NAMES);
    return firewall;
  }

  /** Picked up by Spring Security's WebFilterChainProxy for requests its firewall refuses. */
  @Bean
  ServerExchangeRejectedHandler rejectedRequestHandler() {
    return new RejectedRequestHandler(problems);
  }

  /**
   * Bearer calls: the token is the only credential. No session is looked up or created, no CSRF
   * (nothing ambient to forge), no request saved for after a login; a missing or bad token is a 401
   * problem. Without a chain of their own every API call asked for a session: the in-memory store
   * made a new one per call (hopping to two other thread pools), which cost most of the throughput.
   */
  @Bean
  BearerAuthentication bearerAuthentication(VerifiedTokens tokens) {
    return new BearerAuthentication(tokens, platform.serviceClientId(), rateLimit, cors, problems);
  }

  /**
   * Browsers (everything without a bearer token): the session, the CSRF cookie, the login and
   * logout. An API call without a session is a 401 problem, never a redirect; a console page
   * without one goes to Keycloak's login and, after it, back to that page.
   */
  @Bean
  SecurityWebFilterChain browserSecurity(
      ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
    ConsoleRequestCache consolePages = new ConsoleRequestCache();
    RedirectServerAuthenticationEntryPoint toLogin =
        new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
    toLogin.setRequestCache(consolePages);
    DelegatingServerAuthenticationEntryPoint entryPoint =
        new DelegatingServerAuthenticationEntryPoint(
            new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                new PathPatternParserServerWebExchangeMatcher("/api/**"), unauthorized()));
    entryPoint.setDefaultEntryPoint(toLogin);

    OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession =
        new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");

    return http.securityMatcher(NOT_BEARER)
        // SecurityHeaders writes them on every answer, bearer or not
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .cors(c -> c.configurationSource(cors))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .addFilterAfter(rateLimit, SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/api/**")
                    .authenticated()
                    .matchers(ConsolePages.PAGES)
                    .authenticated()
                    .anyExchange()
                    .permitAll())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
        .addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
        .requestCache(cache -> cache.requestCache(consolePages))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden()))
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
        .build();
  }

  private ServerAuthenticationEntryPoint unauthorized() {
    return (exchange, e) -> BearerAuthentication.unauthorized(problems, exchange);
  }

  private ServerAccessDeniedHandler forbidden() {
    return (exchange, denied) -> BearerAuthentication.forbidden(problems, exchange);
  }

  /** The CSRF token is deferred; subscribing makes the XSRF-TOKEN cookie reach the console. */
  static WebFilter csrfCookie() {
    return (exchange, chain) -> {
      Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
      return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
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
