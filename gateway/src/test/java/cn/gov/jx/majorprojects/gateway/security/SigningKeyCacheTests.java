package cn.gov.jx.majorprojects.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** How often the realm's JWKS is fetched, with WireMock as Keycloak and a clock the test moves. */
class SigningKeyCacheTests {

  static final String ISSUER = "http://localhost/realms/majorprojects";
  static final Duration INTERVAL = Duration.ofSeconds(10);

  final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort());
  final SigningKeys realm = new SigningKeys(ISSUER, "current");
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  SigningKeyCache cache;

  @BeforeEach
  void start() {
    keycloak.start();
    publish(realm.jwks());
    cache =
        new SigningKeyCache(
            WebClient.create(),
            "http://localhost:" + keycloak.port() + "/certs",
            INTERVAL,
            Duration.ofSeconds(20), // the first fetch starts Netty: slow on a busy CI machine
            now::get);
  }

  @AfterEach
  void stop() {
    keycloak.stop();
  }

  @Test
  void aKnownKeyIdCostsNoFetchAfterTheFirst() throws Exception {
    SignedJWT token = parse(realm.token("a", "owner", "360113"));
    for (int i = 0; i < 100; i++) {
      assertThat(keysFor(token)).extracting(JWK::getKeyID).containsExactly("current");
      now.addAndGet(Duration.ofMinutes(1).toNanos()); // no expiry: time alone never refetches
    }
    keycloak.verify(1, getRequestedFor(urlEqualTo("/certs")));
  }

  @Test
  void aNewKeyIdIsFetchedOnceAndThenKnown() throws Exception {
    keysFor(parse(realm.token("a", "owner", "360113")));
    SigningKeys rotated = new SigningKeys(ISSUER, "rotated");
    publish(realm.jwksWith(rotated));
    now.addAndGet(INTERVAL.toNanos());
    SignedJWT newToken = parse(rotated.token("b", "owner", "360113"));
    for (int i = 0; i < 20; i++) {
      assertThat(keysFor(newToken)).extracting(JWK::getKeyID).containsExactly("rotated");
    }
    keycloak.verify(2, getRequestedFor(urlEqualTo("/certs")));
  }

  @Test
  void anInventedKeyIdFetchesOnceAndThenAtMostOncePerInterval() throws Exception {
    keysFor(parse(realm.token("a", "owner", "360113")));
    now.addAndGet(INTERVAL.toNanos());
    SignedJWT forged = parse(new SigningKeys(ISSUER, "invented").token("x", "admin", "360000"));
    for (int i = 0; i < 50; i++) {
      assertThat(keysFor(forged)).isEmpty();
      now.addAndGet(Duration.ofMillis(100).toNanos()); // 50 tries in 5 s, inside one interval
    }
    keycloak.verify(2, getRequestedFor(urlEqualTo("/certs")));
    now.addAndGet(INTERVAL.toNanos());
    assertThat(keysFor(forged)).isEmpty();
    keycloak.verify(3, getRequestedFor(urlEqualTo("/certs")));
  }

  @Test
  void cachedKeysKeepWorkingWhenKeycloakIsDown() throws Exception {
    SignedJWT token = parse(realm.token("a", "owner", "360113"));
    keysFor(token);
    keycloak.stop();
    now.addAndGet(Duration.ofHours(1).toNanos());
    assertThat(keysFor(token)).extracting(JWK::getKeyID).containsExactly("current");
    // an unknown kid while Keycloak is down is refused, not an error
    now.addAndGet(INTERVAL.toNanos());
    assertThat(keysFor(parse(new SigningKeys(ISSUER, "new").token("b", "owner", "360113"))))
        .isEmpty();
  }

  private List<JWK> keysFor(SignedJWT token) {
    return cache.apply(token).collectList().block(Duration.ofSeconds(10));
  }

  private void publish(String jwks) {
    keycloak.stubFor(
        get("/certs")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jwks)));
  }

  private static SignedJWT parse(String token) throws java.text.ParseException {
    return SignedJWT.parse(token);
  }
}
