package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOAuth2Login;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console served by the gateway (a fixture index.html and asset under the test resources stand
 * in for the console module), its login round trip against a WireMock Keycloak, logout, and what a
 * service gets from a browser's request.
 */
@SpringBootTest(properties = "management.server.port=0")
class GatewayConsoleApplicationTests {

  static final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort());
  static final SigningKeys keys;
  static final String FIXTURE = "console-fixture";

  static {
    upstream.start();
    keys = new SigningKeys(issuer());
  }

  static String issuer() {
    return "http://localhost:" + upstream.port() + "/realms/majorprojects";
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String base = "http://localhost:" + upstream.port();
    registry.add("platform.security.issuer-uri", GatewayConsoleApplicationTests::issuer);
    registry.add("platform.security.jwk-set-uri", () -> base + "/certs");
    registry.add("PROJECT_SERVICE_URL", () -> base);
    registry.add("ISSUE_SERVICE_URL", () -> base);
    registry.add("NOTIFICATION_SERVICE_URL", () -> base);
  }

  @AfterAll
  static void stop() {
    upstream.stop();
  }

  @Autowired ApplicationContext context;
  @Autowired ReactiveClientRegistrationRepository registrations;
  WebTestClient client;

  @BeforeEach
  void setUp() {
    client =
        WebTestClient.bindToApplicationContext(context)
            .apply(springSecurity())
            .configureClient()
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    upstream.resetAll();
    upstream.stubFor(
        get("/certs")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(keys.jwks())));
  }

  WebTestClient session() {
    return client.mutateWith(mockOAuth2Login());
  }

  @Test
  void aDeepLinkAndTheRootAnswerTheConsolesIndexWhichIsNeverCached() {
    for (String page : List.of("/", "/projects/42/reports/2026-05", "/cases", "/assets")) {
      session()
          .get()
          .uri(page)
          .accept(MediaType.TEXT_HTML)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.TEXT_HTML)
          .expectHeader()
          .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
          .expectBody(String.class)
          .value(html -> assertThat(html).as(page).contains(FIXTURE));
    }
  }

  @Test
  void hashedAssetsArePublicAndCachedForAYear() {
    client
        .get()
        .uri("/assets/index-T3stF1xt.js")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
        .expectHeader()
        .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
        .expectBody(String.class)
        .value(js -> assertThat(js).contains("fixture"));
  }

  @Test
  void aFileWithADotIsServedWhenPresentElseA404ProblemNeverTheIndex() {
    client
        .get()
        .uri("/logo.svg")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith("image/svg+xml");
    for (String missing : List.of("/favicon.ico", "/assets/gone-0000.js", "/projects/42/x.pdf")) {
      session()
          .get()
          .uri(missing)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void theApiTheDocsAndUnservedPathsNeverFallBackToTheConsole() {
    for (String path : List.of("/api/nothing", "/internal/projects/1", "/actuator/health")) {
      session()
          .get()
          .uri(path)
          .accept(MediaType.TEXT_HTML)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    client.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
    client
        .get()
        .uri("/v3/api-docs/gateway")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    // a page path is only a page for GET: a POST there is nothing the console answers
    session()
        .post()
        .uri("/projects/42")
        .header("X-XSRF-TOKEN", "t")
        .cookie("XSRF-TOKEN", "t")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aPageWithoutASessionGoesToKeycloaksLoginAndAfterItBackToThatPage() {
    // 1. the deep link, no session: to the login, the page remembered in a new session
    EntityExchangeResult<Void> asked =
        client
            .get()
            .uri("/projects/42?tab=reports")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/oauth2/authorization/keycloak")
            .expectBody(Void.class)
            .returnResult();
    String session = cookie(asked, "MPSESSION");

    // 2. the login starts at Keycloak (code + PKCE), in the same session
    URI keycloak =
        redirectOf(client.get().uri("/oauth2/authorization/keycloak").cookie("MPSESSION", session));
    assertThat(keycloak.toString()).startsWith(issuer() + "/protocol/openid-connect/auth?");
    var query = UriComponentsBuilder.fromUri(keycloak).build().getQueryParams();
    String state = decode(query.getFirst("state"));
    String nonce = decode(query.getFirst("nonce"));

    // 3. Keycloak sends the browser back with a code; the gateway redeems it
    String idToken =
        keys.sign(
            keys.claims("owner.hgt", "owner", "360113")
                .audience("console")
                .claim("azp", "console")
                .claim("nonce", nonce)
                .build());
    upstream.stubFor(
        post("/realms/majorprojects/protocol/openid-connect/token")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,
                         "id_token":"%s","scope":"openid profile"}"""
                            .formatted(keys.token("owner.hgt", "owner", "360113"), idToken))));
    upstream.stubFor(
        get("/realms/majorprojects/protocol/openid-connect/userinfo")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"sub\":\"owner.hgt-id\",\"preferred_username\":\"owner.hgt\"}")));
    EntityExchangeResult<Void> callback =
        client
            .get()
            .uri("/login/oauth2/code/keycloak?code=the-code&state=" + state)
            .cookie("MPSESSION", session)
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/projects/42?tab=reports")
            .expectBody(Void.class)
            .returnResult();
    upstream.verify(
        postRequestedFor(urlPathEqualTo("/realms/majorprojects/protocol/openid-connect/token")));
    String loggedIn = cookie(callback, "MPSESSION");
    assertThat(loggedIn).as("a new session id after login").isNotEqualTo(session);

    // 4. the page itself, now with the session
    client
        .get()
        .uri("/projects/42?tab=reports")
        .cookie("MPSESSION", loggedIn)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains(FIXTURE));
  }

  @Test
  void anApiCallWithoutASessionIs401NeverARedirectAndOpensNoSession() {
    client
        .get()
        .uri("/api/projects")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectCookie()
        .doesNotExist("MPSESSION");
  }

  @Test
  void theLoginPageSpeaksTheConsolesLanguageWhenTheConsoleSaysWhich() {
    URI location = redirectOf(client.get().uri("/oauth2/authorization/keycloak?ui_locales=en"));
    assertThat(location.getQuery()).contains("ui_locales=en").contains("code_challenge=");
    URI smuggled =
        redirectOf(
            client.get().uri("/oauth2/authorization/keycloak?ui_locales={v}", "en&prompt=none"));
    assertThat(smuggled.getQuery()).doesNotContain("ui_locales").doesNotContain("prompt");
  }

  @Test
  void aServiceNeverGetsTheBrowsersCookiesButGetsItsAccessToken() {
    upstream.stubFor(
        get("/api/projects")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
    session()
        .get()
        .uri("/api/projects")
        .cookie("MPSESSION", "the-session")
        .cookie("XSRF-TOKEN", "the-csrf-token")
        .exchange()
        .expectStatus()
        .isOk();
    client
        .get()
        .uri("/api/projects")
        .headers(h -> h.setBearerAuth(keys.token("coord.hgt", "coordinator", "360113")))
        .cookie("tracking", "x")
        .exchange()
        .expectStatus()
        .isOk();
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/api/projects"))
            .withHeader("Authorization", equalTo("Bearer access-token"))
            .withHeader("Cookie", absent()));
    upstream.verify(
        2, getRequestedFor(urlPathEqualTo("/api/projects")).withHeader("Cookie", absent()));
  }

  @Test
  void logoutNeedsTheCsrfFieldAndEndsTheKeycloakSessionToo() {
    WebTestClient login =
        client.mutateWith(
            mockOidcLogin()
                .clientRegistration(registrations.findByRegistrationId("keycloak").block()));
    login
        .post()
        .uri("/logout")
        .cookie("XSRF-TOKEN", "the-token")
        .exchange()
        .expectStatus()
        .isForbidden();
    URI keycloak =
        redirectOf(
            login
                .post()
                .uri("http://localhost:8080/logout")
                .cookie("XSRF-TOKEN", "the-token")
                .body(BodyInserters.fromFormData("_csrf", "the-token")));
    assertThat(keycloak.toString())
        .startsWith(issuer() + "/protocol/openid-connect/logout?")
        .contains("id_token_hint=")
        .contains("post_logout_redirect_uri=http://localhost:8080/");
  }

  @Test
  void theNotificationStreamReachesABrowserSessionWithItsTokenAndNoCookies() {
    upstream.stubFor(
        get("/api/notifications/stream")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("event:ready\ndata:{}\n\nevent:notification\ndata:{\"n\":1}\n\n")));
    List<String> events =
        session()
            .get()
            .uri("/api/notifications/stream")
            .cookie("MPSESSION", "the-session")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseBody()
            .collectList()
            .block(Duration.ofSeconds(20));
    assertThat(events).containsExactly("{}", "{\"n\":1}");
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/api/notifications/stream"))
            .withHeader("Authorization", equalTo("Bearer access-token"))
            .withHeader("Cookie", absent()));
  }

  private static URI redirectOf(WebTestClient.RequestHeadersSpec<?> request) {
    return request
        .exchange()
        .expectStatus()
        .isFound()
        .returnResult(Void.class)
        .getResponseHeaders()
        .getLocation();
  }

  private static String cookie(EntityExchangeResult<?> result, String name) {
    ResponseCookie cookie = result.getResponseCookies().getFirst(name);
    assertThat(cookie).as("cookie %s set", name).isNotNull();
    return cookie.getValue();
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
