package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOAuth2Login;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Browser login and sessions, with WireMock as Keycloak's key endpoint and backend. */
@SpringBootTest(properties = "management.server.port=0")
class GatewayLoginApplicationTests {

  static final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort());
  static final SigningKeys keys;

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
    registry.add("platform.security.issuer-uri", GatewayLoginApplicationTests::issuer);
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
  WebTestClient client;

  @BeforeEach
  void setUp() {
    client =
        WebTestClient.bindToApplicationContext(context)
            .apply(springSecurity())
            .configureClient()
            .build();
    upstream.resetAll();
    upstream.stubFor(
        get("/certs")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(keys.jwks())));
    upstream.stubFor(post("/api/issues").willReturn(aResponse().withStatus(201)));
  }

  /** A logged-in browser; its session's authorized client holds the access token "access-token". */
  WebTestClient session() {
    return client.mutateWith(mockOAuth2Login());
  }

  @Test
  void loginStartsAtKeycloakWithPkceForTheConsoleClient() {
    URI location =
        client
            .get()
            .uri("/oauth2/authorization/keycloak")
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    assertThat(location.toString())
        .startsWith(issuer() + "/protocol/openid-connect/auth?")
        .contains("client_id=console")
        .contains("response_type=code")
        .contains("code_challenge_method=S256")
        .containsPattern("code_challenge=[A-Za-z0-9_-]{43}")
        .containsPattern("redirect_uri=[^&]*/login/oauth2/code/keycloak");
  }

  @Test
  void anApiCallWithNeitherSessionNorTokenIs401ProblemNotARedirect() {
    client
        .get()
        .uri("/api/issues")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aSessionChangeNeedsTheCsrfTokenAndTheServiceGetsTheUsersAccessToken() {
    WebTestClient login = session();
    login
        .post()
        .uri("/api/issues")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isForbidden();
    upstream.verify(0, postRequestedFor(urlPathEqualTo("/api/issues")));

    login
        .mutateWith(csrf())
        .post()
        .uri("/api/issues")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isCreated();
    upstream.verify(
        postRequestedFor(urlPathEqualTo("/api/issues"))
            .withHeader("Authorization", equalTo("Bearer access-token")));
  }

  @Test
  void aBearerCallNeedsNoCsrfToken() {
    client
        .post()
        .uri("/api/issues")
        .headers(h -> h.setBearerAuth(keys.token("owner.hgt", "owner", "360113")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void aBearerCallIsStatelessNoSessionAndNoCookies() {
    upstream.stubFor(
        get("/api/issues")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
    client
        .get()
        .uri("/api/issues")
        .headers(h -> h.setBearerAuth(keys.token("coord.hgt", "coordinator", "360113")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist("Set-Cookie");
  }

  @Test
  void aBrowserWithoutASessionStillGetsTheCsrfCookie() {
    client
        .get()
        .uri("/api/issues")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectCookie()
        .exists("XSRF-TOKEN");
  }

  @Test
  void afterLoginTheBrowserLandsOnTheConsole() {
    session()
        .get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("console-fixture"));
  }
}
