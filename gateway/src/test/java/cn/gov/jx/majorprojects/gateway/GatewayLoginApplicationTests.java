package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOAuth2Login;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Browser login and sessions, with WireMock as Keycloak's key endpoint and backend. */
@SpringBootTest(properties = {"management.server.port=0", "gateway.login.timeout=2s"})
class GatewayLoginApplicationTests {

  static final WireMockServer upstream = WireMockRealm.upstream;
  static final SigningKeys keys = WireMockRealm.keys;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    WireMockRealm.register(registry);
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
    WireMockRealm.reset();
    upstream.stubFor(post("/api/issues").willReturn(aResponse().withStatus(201)));
  }

  /** A logged-in browser; its session's authorized client holds the access token "access-token". */
  WebTestClient session() {
    return client.mutateWith(mockOAuth2Login());
  }

  /** Keycloak's answer to the code exchange: an ID token for {@code nonce}, signed by the realm. */
  static String tokenResponse(String nonce, String username) {
    String idToken =
        keys.sign(
            keys.claims(username, "manager", "360000")
                .audience(List.of("console"))
                .claim("azp", "console")
                .claim("nonce", nonce)
                .build());
    return "{\"access_token\":\"access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,"
        + "\"scope\":\"openid profile\",\"id_token\":\""
        + idToken
        + "\"}";
  }

  static String query(URI location, String name) {
    Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(location.toString());
    assertThat(m.find()).as(name + " in " + location).isTrue();
    return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A browser that asked for {@code /overview}, now sent to Keycloak: [session, state, nonce]. */
  String[] startLogin() {
    var page = client.get().uri("/overview").accept(MediaType.TEXT_HTML).exchange();
    ResponseCookie session =
        page.expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseCookies()
            .getFirst("MPSESSION");
    assertThat(session).isNotNull();
    URI keycloak =
        client
            .get()
            .uri("/oauth2/authorization/keycloak")
            .cookie("MPSESSION", session.getValue())
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    return new String[] {session.getValue(), query(keycloak, "state"), query(keycloak, "nonce")};
  }

  @Test
  void aBrowserBackFromKeycloaksFormLandsOnThePageItAskedForWithTheIdTokenCheckedByTheRealmsKeys() {
    String[] login = startLogin();
    upstream.stubFor(
        post("/realms/majorprojects/protocol/openid-connect/token")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokenResponse(login[2], "manager.jx"))));
    upstream.stubFor(
        get("/realms/majorprojects/protocol/openid-connect/userinfo")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sub\":\"manager.jx-id\",\"preferred_username\":\"manager.jx\"}")));

    var callback =
        client
            .get()
            .uri("/login/oauth2/code/keycloak?code=the-code&state=" + login[1])
            .cookie("MPSESSION", login[0])
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(Void.class);
    assertThat(callback.getResponseHeaders().getLocation()).hasPath("/overview");
    upstream.verify(
        postRequestedFor(urlPathEqualTo("/realms/majorprojects/protocol/openid-connect/token"))
            .withRequestBody(WireMock.containing("code=the-code"))
            .withRequestBody(WireMock.containing("code_verifier=")));
    // the ID token's key came from the cache the API tokens use: one fetch of the keys at most
    assertThat(upstream.findAll(WireMock.getRequestedFor(urlPathEqualTo("/certs"))))
        .hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aKeycloakThatDoesNotAnswerTheCodeExchangeGivesThe503PageWithinTheLoginTimeoutNotAHang() {
    String[] login = startLogin();
    upstream.stubFor(
        post("/realms/majorprojects/protocol/openid-connect/token")
            .willReturn(
                aResponse()
                    .withFixedDelay(4_000)
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokenResponse(login[2], "manager.jx"))));

    long t0 = System.nanoTime();
    callbackGivesThe503Page(login);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0))
        .isLessThan(java.time.Duration.ofSeconds(5));
  }

  /**
   * Keycloak's token endpoint answering the code exchange 200 with something that is not a token
   * response — not JSON, another shape, no body, 10 MB — is the login service failing: the 503
   * page, not a 500 and not "start again".
   */
  @Test
  void aCodeExchangeAnsweredWithGarbageGivesThe503Page() {
    List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> answers =
        List.of(
            aResponse().withHeader("Content-Type", "text/html").withBody("<html>502</html>"),
            aResponse().withHeader("Content-Type", "application/json").withBody("{\"x\":1}"),
            aResponse().withHeader("Content-Type", "application/json"),
            aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"));
    for (var answer : answers) {
      String[] login = startLogin();
      upstream.stubFor(
          post("/realms/majorprojects/protocol/openid-connect/token").willReturn(answer));
      callbackGivesThe503Page(login);
    }
  }

  /** Keycloak's redirect back with a code: the login service's 503 page. */
  void callbackGivesThe503Page(String[] login) {
    client
        .mutate()
        .responseTimeout(java.time.Duration.ofSeconds(15))
        .build()
        .get()
        .uri("/login/oauth2/code/keycloak?code=the-code&state=" + login[1])
        .cookie("MPSESSION", login[0])
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("登录服务暂不可用"));
  }

  @Test
  void theServicesClientsTokenIsRefusedOnTheApiAtTheGatewayMeIncluded() {
    String services =
        keys.sign(
            keys.claims("service-account-services", "default-roles-majorprojects", null)
                .claim("azp", "services")
                .build());
    for (String path : List.of("/api/me", "/api/issues")) {
      client
          .get()
          .uri(path)
          .headers(h -> h.setBearerAuth(services))
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    // nor under an encoded spelling of /api (the routes match the decoded path)
    client
        .get()
        .uri(java.net.URI.create("/%61pi/issues"))
        .headers(h -> h.setBearerAuth(services))
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isIn(403, 404));
    upstream.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/api/issues")));
    // a user's token is let through as before
    client
        .get()
        .uri("/api/me")
        .headers(h -> h.setBearerAuth(keys.token("coord.nc", "coordinator", "360100")))
        .exchange()
        .expectStatus()
        .isOk();
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
        .startsWith(WireMockRealm.ISSUER + "/protocol/openid-connect/auth?")
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
  void aBearerCallIsJudgedByItsTokenAloneEvenWithTheBrowsersCookies() {
    String token = keys.token("owner.hgt", "owner", "360113");
    client
        .post()
        .uri("/api/issues")
        .headers(h -> h.setBearerAuth(token))
        .cookie("MPSESSION", "someone-elses-session")
        .cookie("XSRF-TOKEN", "t")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .doesNotExist("Set-Cookie");
    // logging in and out is a browser's business: a bearer call finds neither
    client
        .post()
        .uri("/logout")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isNotFound();
    client
        .get()
        .uri("/oauth2/authorization/keycloak")
        .headers(h -> h.setBearerAuth("not-a-token"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
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
