package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What Prometheus reads from the gateway's management port (deploy/observability/METRICS.md):
 * requests per route with the latency buckets the p99 alert needs, circuit-breaker state, and no
 * trace exemplar that Prometheus 2.42 would reject.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayMetricsApplicationTests {

  static final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort());
  static final SigningKeys keys;

  static {
    upstream.start();
    keys = new SigningKeys("http://localhost:" + upstream.port() + "/realms/majorprojects");
    upstream.stubFor(
        get("/certs")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(keys.jwks())));
    upstream.stubFor(
        get("/api/regions")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String base = "http://localhost:" + upstream.port();
    registry.add("platform.security.issuer-uri", () -> base + "/realms/majorprojects");
    registry.add("platform.security.jwk-set-uri", () -> base + "/certs");
    registry.add("PROJECT_SERVICE_URL", () -> base);
    registry.add("ISSUE_SERVICE_URL", () -> base);
    registry.add("NOTIFICATION_SERVICE_URL", () -> base);
  }

  @AfterAll
  static void stop() {
    upstream.stop();
  }

  @Autowired WebTestClient client;
  @LocalManagementPort int managementPort;

  @Test
  void aRoutedRequestIsCountedPerRouteWithLatencyBucketsAndNoExemplar() {
    client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(keys.token("coord.nc", "coordinator", "360100")))
        .exchange()
        .expectBody()
        .returnResult(); // 200, or 504 on a machine too loaded for the time limiter: counted either
    // way

    String scrape =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + managementPort)
            .build()
            .get()
            .uri("/actuator/prometheus")
            .header("Accept", "application/openmetrics-text;version=1.0.0")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(scrape)
        .containsPattern(
            "spring_cloud_gateway_requests_seconds_count\\{[^}]*httpStatusCode=\"\\d{3}\"[^}]*"
                + "routeId=\"project-service\"[^}]*} 1")
        .containsPattern(
            "spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"project-service\"[^}]*"
                + "le=\"2.0\"} [01]")
        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0.5\"}")
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"project-service\"")
        .doesNotContain("# {");
  }
}
