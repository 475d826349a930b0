package cn.gov.jx.majorprojects.gateway;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway started while Keycloak is down: it has no signing keys yet, so it cannot tell a good
 * token from a bad one. That is the identity service's outage (503), not the gateway's fault (500)
 * and not the caller's (401).
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayIdentityOutageApplicationTests {

  static final int deadPort = GatewayResilienceApplicationTests.freePort();
  static final String issuer = "http://localhost:" + deadPort + "/realms/majorprojects";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("platform.security.issuer-uri", () -> issuer);
    registry.add("platform.security.jwk-set-uri", () -> "http://localhost:" + deadPort + "/certs");
  }

  @Autowired WebTestClient client;

  @Test
  void aTokenThatCannotBeCheckedIs503ProblemWithTraceId() {
    String token = new SigningKeys(issuer).token("coord.nc", "coordinator", "360100");
    client
        .get()
        .uri("/api/regions")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.traceId")
        .isNotEmpty();
  }
}
