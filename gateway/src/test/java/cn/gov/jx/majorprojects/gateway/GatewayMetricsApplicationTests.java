package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
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
 * The gateway's business metric as Prometheus scrapes it from the management port: {@code
 * gateway_jwks_fetches_total} by outcome (deploy/observability/METRICS.md, alert
 * KeycloakJwksUnreachable), both series there from start-up.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"management.server.port=0", "gateway.signing-keys.min-refetch-interval=50ms"})
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayMetricsApplicationTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    WireMockRealm.register(registry);
  }

  @Autowired WebTestClient client;
  @LocalManagementPort int managementPort;

  @BeforeEach
  void stubs() {
    WireMockRealm.reset();
    WireMockRealm.upstream.stubFor(
        get("/api/regions")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
  }

  @Test
  void keyFetchesAreCountedBySuccessAndFailure() throws Exception {
    double success = fetches("success");
    double failure = fetches("failure");

    // the first token of the realm's key: one fetch of /certs
    assertThat(call(WireMockRealm.keys)).isNotEqualTo(401); // 200, or 504 on a loaded machine
    assertThat(fetches("success")).isEqualTo(success + 1);
    assertThat(fetches("failure")).isEqualTo(failure);

    // Keycloak's key endpoint fails while a token names a key id not seen yet: refused, counted
    WireMockRealm.upstream.stubFor(get("/certs").willReturn(aResponse().withStatus(503)));
    Thread.sleep(100); // past the minimum interval between two fetches
    assertThat(call(new SigningKeys(WireMockRealm.ISSUER, "rotated"))).isEqualTo(401);
    assertThat(fetches("failure")).isEqualTo(failure + 1);
    assertThat(fetches("success")).isEqualTo(success + 1);
  }

  private int call(SigningKeys keys) {
    return client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(keys.token("coord.nc", "coordinator", "360100")))
        .exchange()
        .returnResult(String.class)
        .getStatus()
        .value();
  }

  private double fetches(String outcome) {
    String scrape = ManagementScrape.openMetrics(managementPort);
    Matcher m =
        Pattern.compile(
                "(?m)^gateway_jwks_fetches_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)")
            .matcher(scrape);
    assertThat(m.find())
        .as("gateway_jwks_fetches_total{outcome=%s} in the scrape", outcome)
        .isTrue();
    return Double.parseDouble(m.group(1));
  }
}
