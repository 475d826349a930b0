package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.observation.ObservationPredicate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in full, with WireMock standing in for Keycloak's key endpoint and for a backend
 * service (external HTTP from the gateway's point of view).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "gateway.signing-keys.min-refetch-interval="
          + GatewayApplicationTests.REFETCH_INTERVAL_MS
          + "ms"
    })
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayApplicationTests {

  static final long REFETCH_INTERVAL_MS = 1000;
  static final WireMockServer upstream = WireMockRealm.upstream;
  static final SigningKeys keys = WireMockRealm.keys;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    WireMockRealm.register(registry);
  }

  @Autowired WebTestClient client;
  @LocalServerPort int port;

  @BeforeEach
  void stubs() {
    WireMockRealm.reset();
    upstream.stubFor(
        get("/api/regions")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"code\":\"360000\",\"name\":\"江西省\"}")));
  }

  @Test
  void routesAnAuthenticatedCallAndKeepsTheBearerTokenAndChineseText() {
    String token = keys.token("coord.nc", "coordinator", "360100");
    client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("江西省");
    upstream.verify(
        getRequestedFor(urlEqualTo("/api/regions"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token)));
  }

  @Test
  void noTokenIs401ProblemAndNothingIsForwarded() {
    client
        .get()
        .uri("/api/regions")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.instance")
        .isEqualTo("/api/regions");
    upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/regions")));
  }

  @Test
  void forgedTokensAre401() {
    JWTClaimsSet claims = keys.claims("admin", "admin", "360000").build();
    String good = keys.sign(claims);
    String tampered =
        good.substring(0, good.lastIndexOf('.') - 4)
            + "AAAA"
            + good.substring(good.lastIndexOf('.'));
    client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(good))
        .exchange()
        .expectStatus()
        .isOk(); // verified and kept: the forgeries below must not borrow that
    for (String bad : List.of(keys.unsigned(claims), keys.hs256(claims), tampered)) {
      client
          .get()
          .uri("/api/regions")
          .headers(h -> h.setBearerAuth(bad))
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
    upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/regions"))); // the genuine one
  }

  @Test
  void expiredOrForeignAudienceTokensAre401() {
    Instant past = Instant.now().minusSeconds(3600);
    String expired =
        keys.sign(
            keys.claims("admin", "admin", "360000")
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(300)))
                .build());
    String otherAudience =
        keys.sign(keys.claims("admin", "admin", "360000").audience("account").build());
    for (String bad : List.of(expired, otherAudience)) {
      client
          .get()
          .uri("/api/regions")
          .headers(h -> h.setBearerAuth(bad))
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
  }

  /** Tracing every request cost throughput (issue 13): by default a tenth of them are traced. */
  @Test
  void aTenthOfTheRequestsThatStartHereAreTracedTheRestStillCarryATraceId() {
    String token = keys.token("coord.sampling", "coordinator", "360100");
    for (int i = 0; i < 30; i++) {
      assertThat(statusWith(token)).isEqualTo(200);
    }
    List<String> traceparents =
        upstream.findAll(getRequestedFor(urlPathEqualTo("/api/regions"))).stream()
            .map(request -> request.getHeader("traceparent"))
            .toList();
    assertThat(traceparents)
        .hasSize(30)
        .allMatch(t -> t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    assertThat(traceparents.stream().filter(t -> t.endsWith("-01")).count())
        .as("sampled of 30 (all 30 at the old 1.0)")
        .isLessThan(15);
  }

  @Test
  void internalActuatorAndUnknownPathsAre404EvenWithAToken() {
    String token = keys.token("admin", "admin", "360000");
    for (String path :
        List.of(
            "/internal/projects/1",
            "/actuator/health",
            "/actuator/prometheus",
            "/api/nothing-here")) {
      client
          .get()
          .uri(path)
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    upstream.verify(0, getRequestedFor(urlPathEqualTo("/internal/projects/1")));
  }

  @Test
  void meAnswersFromTheTokenWithTheRegionName() {
    client
        .get()
        .uri("/api/me")
        .headers(h -> h.setBearerAuth(keys.token("coord.zg", "coordinator", "360702")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo("coord.zg")
        .jsonPath("$.roles[0]")
        .isEqualTo("coordinator")
        .jsonPath("$.region.code")
        .isEqualTo("360702")
        .jsonPath("$.region.name")
        .isEqualTo("章贡区")
        .jsonPath("$.region.level")
        .isEqualTo("COUNTY");
  }

  @Test
  void backendDownIs503Problem() {
    upstream.stubFor(
        get("/api/issues")
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    client
        .get()
        .uri("/api/issues")
        .headers(h -> h.setBearerAuth(keys.token("coord.jx", "coordinator", "360000")))
        .exchange()
        .expectStatus()
        .is5xxServerError()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void signingKeysAreCachedSoTokensStillWorkWhileKeycloakIsDown() {
    String token = keys.token("coord.cache", "coordinator", "360100");
    client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
    upstream.stubFor(get("/certs").willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 5; i++) {
      client
          .get()
          .uri("/api/regions")
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isOk();
    }
    upstream.verify(
        com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly(1),
        getRequestedFor(urlEqualTo("/certs")));
  }

  @Test
  void eachServicesOpenApiDocumentIsReachableWithoutATokenUnderItsName() {
    upstream.stubFor(
        get("/v3/api-docs")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"openapi\":\"3.1.0\"}")));
    for (String service : List.of("project-service", "issue-service", "notification-service")) {
      client
          .get()
          .uri("/v3/api-docs/" + service)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.openapi")
          .isEqualTo("3.1.0");
    }
    client.get().uri("/v3/api-docs/internal").exchange().expectStatus().isNotFound();
    // the service sees the gateway's host, so its document's server URL points at the gateway
    upstream.verify(
        3,
        getRequestedFor(urlEqualTo("/v3/api-docs"))
            .withHeader(
                "Host",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("localhost:" + port)));
  }

  @Test
  void oneSwaggerUiAtDocsListsEveryServicesDocumentWithoutALoginAndFitsTheCsp() {
    EntityExchangeResult<byte[]> docs =
        client.get().uri("/docs").exchange().expectBody().returnResult();
    assertThat(docs.getStatus().is3xxRedirection()).as("/docs redirects to the UI").isTrue();
    String page = docs.getResponseHeaders().getLocation().toString();
    assertThat(page).doesNotContain("oauth2").contains("swagger-ui");

    EntityExchangeResult<String> html =
        client
            .get()
            .uri(page)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();
    String csp = html.getResponseHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'");
    // script-src 'self' allows no inline script: every script is a file from the gateway itself
    assertThat(
            Pattern.compile("<script(?![^>]*\\ssrc=\"\\./)[^>]*>")
                .matcher(html.getResponseBody())
                .find())
        .as("inline or foreign script in %s", html.getResponseBody())
        .isFalse();

    String initializer =
        client
            .get()
            .uri(page.replace("index.html", "swagger-initializer.js"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    Matcher configUrl = Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(initializer);
    assertThat(configUrl.find()).as("configUrl in %s", initializer).isTrue();
    client
        .get()
        .uri(configUrl.group(1))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.urls[*].url")
        .value(
            urls ->
                assertThat(((List<?>) urls).stream().map(String::valueOf).toList())
                    .contains(
                        "/v3/api-docs/project-service",
                        "/v3/api-docs/issue-service",
                        "/v3/api-docs/notification-service"));
  }

  @Test
  void theJwksIsFetchedOncePerNewKeyIdAndNeverPerRequest() throws Exception {
    String token = keys.token("coord.steady", "coordinator", "360100");
    statusWith(token); // the keys may or may not be cached yet
    upstream.resetRequests();
    for (int i = 0; i < 20; i++) {
      assertThat(statusWith(token)).isEqualTo(200);
    }
    upstream.verify(0, getRequestedFor(urlEqualTo("/certs")));

    // Keycloak rotates its key: the JWKS holds a second one and new tokens carry its kid
    String issuer = WireMockRealm.ISSUER;
    SigningKeys rotated = new SigningKeys(issuer, "rotated-kid");
    upstream.stubFor(
        get("/certs")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(keys.jwksWith(rotated))
                    .withFixedDelay(300))); // slow enough that the requests below overlap it
    Thread.sleep(REFETCH_INTERVAL_MS + 200); // past the interval of any earlier fetch
    upstream.resetRequests();
    String newToken = rotated.token("coord.rotated", "coordinator", "360100");
    assertThat(concurrently(8, newToken)).containsOnly(200);
    for (int i = 0; i < 10; i++) {
      assertThat(statusWith(newToken)).isEqualTo(200);
    }
    upstream.verify(1, getRequestedFor(urlEqualTo("/certs")));

    // a kid the realm never had is refused (how often it may refetch: SigningKeyCacheTests)
    String forged = new SigningKeys(issuer, "invented-kid").token("admin", "admin", "360000");
    assertThat(statusWith(forged)).isEqualTo(401);
  }

  /**
   * A bearer call does not even create Spring Security's observations (disabled ones are no-ops,
   * but creating them, around each of its filters, cost every request: issue 13); the HTTP server's
   * and the proxied call's observations are still made.
   */
  @Test
  void aBearerCallCreatesNoSpringSecurityObservationsOnlyTheHttpOnes() {
    String token = keys.token("coord.observed", "coordinator", "360100");
    assertThat(statusWith(token)).isEqualTo(200);
    observationsCreated.clear();
    assertThat(statusWith(token)).isEqualTo(200);
    assertThat(observationsCreated)
        .contains("http.server.requests")
        .noneMatch(name -> name.startsWith("spring.security"));
  }

  /** The names of the observations created, whether enabled or not. */
  static final List<String> observationsCreated = new CopyOnWriteArrayList<>();

  @TestConfiguration
  static class ObservationNames {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the predicate that disables some: it sees them all
    ObservationPredicate recordObservationNames() {
      return (name, context) -> observationsCreated.add(name);
    }
  }

  private int statusWith(String token) {
    return client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectBody()
        .returnResult()
        .getStatus()
        .value();
  }

  private List<Integer> concurrently(int requests, String token) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<Integer>> answers =
          pool.invokeAll(
              java.util.Collections.nCopies(requests, (Callable<Integer>) () -> statusWith(token)));
      List<Integer> statuses = new java.util.ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
