package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keycloak's JWKS endpoint answering 200 with something that is not a key set — not JSON, JSON of
 * another shape, no body, 10 MB — while the gateway has no signing keys yet: the token cannot be
 * checked, which is the identity service's failure (503 problem), never a 500 and never a 401 that
 * would send a signed-in user to log in again; and a sound key set afterwards is used at once.
 */
@SpringBootTest(
    properties = {
      "management.server.port=0",
      // the first fetch starts Netty: slow on a busy CI machine, and a timeout is not the point
      // here
      "gateway.signing-keys.fetch-timeout=20s"
    })
@AutoConfigureWebTestClient(timeout = "PT60S")
class GatewayIdentityGarbageApplicationTests {

  static final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    keycloak.start();
  }

  static final String issuer = keycloak.baseUrl() + "/realms/majorprojects";
  static final SigningKeys realm = new SigningKeys(issuer);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("platform.security.issuer-uri", () -> issuer);
    registry.add("platform.security.jwk-set-uri", () -> keycloak.baseUrl() + "/certs");
  }

  @AfterAll
  static void stop() {
    keycloak.stop();
  }

  @Autowired WebTestClient client;

  @Test
  void aJwksAnswerThatIsNotAKeySetIs503ProblemNot500() {
    String token = realm.token("coord.nc", "coordinator", "360100");
    List<ResponseDefinitionBuilder> answers =
        List.of(
            aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>"),
            okJson("{\"keys\":\"none\"}"),
            okJson("[1,2,3]"),
            aResponse().withStatus(200).withHeader("Content-Type", "application/json"),
            okJson("{\"keys\":[],\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"));
    for (ResponseDefinitionBuilder answer : answers) {
      keycloak.stubFor(get("/certs").willReturn(answer));
      client
          .get()
          .uri("/api/me")
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(503);
    }
    keycloak.stubFor(get("/certs").willReturn(okJson(realm.jwks())));
    client
        .get()
        .uri("/api/me")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
