package cn.gov.jx.majorprojects.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import cn.gov.jx.majorprojects.gateway.security.SigningKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one WireMock server the gateway's test classes share: Keycloak (the realm's keys at {@code
 * /certs}, its token and userinfo endpoints when a test stubs them) and the backend services.
 * Started once per test JVM. A test class registers it with {@link #register} from its
 * {@code @DynamicPropertySource} and starts each test from {@link #reset}.
 */
final class WireMockRealm {

  /** Enough threads for a test's 60 concurrent calls to one slow backend. */
  static final WireMockServer upstream = start();

  static final String BASE = "http://localhost:" + upstream.port();
  static final String ISSUER = BASE + "/realms/majorprojects";

  /** The realm's signing key: tokens it signs are the realm's own. */
  static final SigningKeys keys = new SigningKeys(ISSUER);

  private WireMockRealm() {}

  private static WireMockServer start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(80));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    // WireMock's first answer loads much of WireMock; on a busy machine that took longer than a
    // route's response timeout, so the first test's call through the gateway got a 504
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/warm-up"))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("WireMock does not answer", e);
    }
    return server;
  }

  /** The gateway's realm and all three services at the shared server. */
  static void register(DynamicPropertyRegistry registry) {
    registry.add("platform.security.issuer-uri", () -> ISSUER);
    registry.add("platform.security.jwk-set-uri", () -> BASE + "/certs");
    registry.add("PROJECT_SERVICE_URL", () -> BASE);
    registry.add("ISSUE_SERVICE_URL", () -> BASE);
    registry.add("NOTIFICATION_SERVICE_URL", () -> BASE);
  }

  /** No stubs and no recorded requests but the realm's keys. */
  static void reset() {
    upstream.resetAll();
    serveKeys(keys.jwks());
  }

  /** The realm's JWKS as {@code /certs} answers it from now on. */
  static void serveKeys(String jwks) {
    upstream.stubFor(
        get("/certs")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jwks)));
  }
}
