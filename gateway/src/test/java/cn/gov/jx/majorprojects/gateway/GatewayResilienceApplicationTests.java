package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Slow, dead and flaky backends: WireMock as Keycloak's key endpoint and the project and
 * notification services; the issue service is a WireMock that the tests stop and start.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "NOTIFICATION_SERVICE_RESPONSE_TIMEOUT_MS=700",
      "GATEWAY_CB_OPEN_SECONDS=1"
    })
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayResilienceApplicationTests {

  static final WireMockServer upstream = WireMockRealm.upstream;
  static final SigningKeys keys = WireMockRealm.keys;
  static final int issuePort = freePort();
  static final WireMockServer issues = new WireMockServer(wireMockConfig().port(issuePort));

  /** The issue service alone is a WireMock of its own, which the tests stop and start. */
  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    WireMockRealm.register(registry);
    registry.add("ISSUE_SERVICE_URL", () -> "http://localhost:" + issuePort);
  }

  @AfterAll
  static void stop() {
    issues.stop();
  }

  @Autowired WebTestClient client;
  @Autowired ReactiveResilience4JCircuitBreakerFactory circuits;
  @LocalServerPort int port;

  String token;

  @BeforeEach
  void stubs() {
    WireMockRealm.reset();
    // each test starts with closed circuits: another test's failures do not count in its window
    circuits.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    token = keys.token("coord.nc", "coordinator", "360100");
  }

  @Test
  void aHangingBackendGives504ProblemWithinItsTimeout() {
    upstream.stubFor(get("/api/notifications/warm").willReturn(aResponse().withStatus(200)));
    // the first call on a busy machine can itself exceed the 700 ms timeout (connection, classes)
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                client
                    .get()
                    .uri("/api/notifications/warm")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectBody()
                    .returnResult()
                    .getStatus()
                    .value(),
            status -> status == 200);
    upstream.stubFor(
        get("/api/notifications").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    long start = System.nanoTime();
    client
        .get()
        .uri("/api/notifications")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.traceId")
        .isNotEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofMillis(4000)); // 700 ms timeout, backend 5 s; slack for a busy CI
  }

  /**
   * Only the route's response timeout bounds a call: the circuit breaker has no time limiter
   * (Resilience4j's default one would answer this 1.5 s call after 1 s with an error).
   */
  @Test
  void aSlowBackendWithinItsRouteTimeoutIsAnsweredNotCutByATimeLimiter() {
    upstream.stubFor(
        get("/api/regions/slow")
            .willReturn(aResponse().withStatus(200).withBody("slow").withFixedDelay(1500)));
    client
        .get()
        .uri("/api/regions/slow")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("slow");
  }

  @Test
  void aDownBackendGivesQuick503ProblemsAndTrafficReturnsWhenItIsBack() {
    issues.stop();
    for (int i = 0; i < 8; i++) {
      long start = System.nanoTime();
      client
          .get()
          .uri("/api/issues")
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.traceId")
          .isNotEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Duration.ofMillis(3000)); // vs a 10 s response timeout
    }
    issues.start();
    issues.stubFor(
        get("/api/issues")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                client
                        .get()
                        .uri("/api/issues")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()
                    == 200);
  }

  /**
   * A backend that is up but answers 503 itself (issue-service while project-service is down): the
   * caller gets that service's own problem as it wrote it, not a 500 (found by FaultsE2ETests: the
   * breaker's status exception fell through to "unexpected error") and not the gateway's generic
   * 503 (found by SlowPeerE2ETests: the backend's detail was dropped unread).
   */
  @Test
  void aBackendsOwn503Or502ProblemIsPassedOnAsTheBackendWroteIt() {
    for (int status : List.of(503, 502)) {
      upstream.stubFor(
          post("/api/projects")
              .willReturn(
                  aResponse()
                      .withStatus(status)
                      .withHeader("Content-Type", "application/problem+json")
                      .withBody(
                          "{\"status\":"
                              + status
                              + ",\"title\":\"peer down\",\"detail\":\"issue-service is not answering\"}")));
      client
          .post()
          .uri("/api/projects")
          .headers(h -> h.setBearerAuth(token))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"name\":\"x\"}")
          .exchange()
          .expectStatus()
          .isEqualTo(status)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(status)
          .jsonPath("$.title")
          .isEqualTo("peer down")
          .jsonPath("$.detail")
          .isEqualTo("issue-service is not answering");
    }
  }

  /**
   * Passing the backend's 503 on does not hide it from the circuit breaker: consecutive ones open
   * the circuit, after which the gateway answers its own 503 without calling the backend.
   */
  @Test
  void aBackendsOwn503sStillOpenTheCircuit() {
    upstream.stubFor(
        post("/api/projects/breaker")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":503,\"detail\":\"cannot reach its database\"}")));
    int passedOn = 0;
    String body = "cannot reach its database";
    for (int call = 0; call < 8 && body.contains("cannot reach its database"); call++) {
      body =
          client
              .post()
              .uri("/api/projects/breaker")
              .headers(h -> h.setBearerAuth(token))
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{}")
              .exchange()
              .expectStatus()
              .isEqualTo(503)
              .expectHeader()
              .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      if (body.contains("cannot reach its database")) {
        passedOn++;
      }
    }
    // a fresh circuit opens on the fifth failure (10-call window, 50 %, at least 5 calls)
    assertThat(passedOn).isEqualTo(5);
    assertThat(body).contains("The service is not available; try again shortly");
    upstream.verify(passedOn, postRequestedFor(urlPathEqualTo("/api/projects/breaker")));
  }

  @Test
  void onlyGetsAreRetried() {
    upstream.stubFor(
        get("/api/regions").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    upstream.stubFor(
        post("/api/projects").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .is5xxServerError();
    client
        .post()
        .uri("/api/projects")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"x\"}")
        .exchange()
        .expectStatus()
        .is5xxServerError()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    upstream.verify(3, getRequestedFor(urlPathEqualTo("/api/regions")));
    upstream.verify(1, postRequestedFor(urlPathEqualTo("/api/projects")));
  }

  @Test
  void theCallersTraceContinuesToTheServiceAndIntoProblems() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
    upstream.stubFor(get("/api/dashboard").willReturn(aResponse().withStatus(200)));
    client
        .get()
        .uri("/api/dashboard")
        .headers(h -> h.setBearerAuth(token))
        .header("traceparent", traceparent)
        .exchange()
        .expectStatus()
        .isOk();
    upstream.verify(
        getRequestedFor(urlPathEqualTo("/api/dashboard"))
            .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-01")));
    client
        .get()
        .uri("/nothing-here.txt")
        .header("traceparent", traceparent)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.traceId")
        .isEqualTo(traceId);
    client
        .get()
        .uri("/api/dashboard")
        .header("traceparent", traceparent)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.traceId")
        .isEqualTo(traceId);
  }

  /**
   * A notification stream is quiet for longer than the notification service's response timeout (700
   * ms here) between events, and each event reaches the browser when it is sent, not when the
   * stream ends.
   */
  @Test
  void theNotificationStreamOutlivesTheResponseTimeoutAndPassesEachEventOnAtOnce()
      throws Exception {
    upstream.stubFor(
        get("/api/notifications/stream")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody("data:1\n\ndata:2\n\ndata:3\n\n")
                    .withChunkedDribbleDelay(3, 3000)));
    HttpResponse<java.util.stream.Stream<String>> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/notifications/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    List<Long> arrivals =
        stream
            .body()
            .filter(line -> line.startsWith("data:"))
            .map(line -> System.nanoTime())
            .toList();
    assertThat(arrivals).hasSize(3);
    assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(0)))
        .isGreaterThan(Duration.ofMillis(1000));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Resilience4j's default bulkhead let 25 calls per backend through and answered the rest 500. */
  @Test
  void manyConcurrentCallsToOneBackendAreAllServed() {
    upstream.stubFor(
        get("/api/projects")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("[]")
                    .withFixedDelay(1500)));
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<Void>>> calls =
        IntStream.range(0, 60)
            .mapToObj(
                i ->
                    http.sendAsync(
                        HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/projects"))
                            .header(
                                "Authorization",
                                "Bearer " + keys.token("user" + i, "manager", "360000"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding()))
            .toList();
    List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).toList();
    assertThat(statuses).hasSize(60).containsOnly(200);
  }
}
