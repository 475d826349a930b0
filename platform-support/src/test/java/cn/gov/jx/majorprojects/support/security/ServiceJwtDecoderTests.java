package cn.gov.jx.majorprojects.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The services' decoder keeps the last keys through a Keycloak outage (plain JUnit, JDK server).
 */
class ServiceJwtDecoderTests {

  static final Duration TTL = Duration.ofMillis(200);

  final AtomicInteger fetches = new AtomicInteger();
  HttpServer keycloak;

  @AfterEach
  void stop() {
    if (keycloak != null) {
      keycloak.stop(0);
    }
  }

  String serve(RSAKey key) throws Exception {
    keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    keycloak.createContext(
        "/certs",
        exchange -> {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    keycloak.start();
    return "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/certs";
  }

  static String token(RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            new JWTClaimsSet.Builder()
                .subject("coord.nc")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aTokenSignedBeforeAnOutageStillDecodesAfterTheCacheLapsedWhileKeycloakIsDown()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    JwtDecoder decoder = ServiceJwtDecoder.create(serve(key), TTL, JwtValidators.createDefault());
    String token = token(key);
    assertThat(decoder.decode(token).getSubject()).isEqualTo("coord.nc");
    assertThat(fetches).hasValue(1);

    keycloak.stop(0);
    keycloak = null;
    Thread.sleep(TTL.toMillis() * 3); // the cache has lapsed: the next decode tries Keycloak

    assertThat(decoder.decode(token).getSubject()).isEqualTo("coord.nc");
  }

  @Test
  void withoutKeysAndKeycloakDownATokenCannotBeCheckedWhichIsNotABadToken() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    String uri = serve(key);
    keycloak.stop(0);
    keycloak = null;
    JwtDecoder decoder = ServiceJwtDecoder.create(uri, TTL, JwtValidators.createDefault());

    // JwtAuthenticationProvider turns a BadJwtException into 401 and any other into
    // AuthenticationServiceException, which KeysUnavailableFilter answers 503
    assertThatThrownBy(() -> decoder.decode(token(key)))
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(BadJwtException.class);
  }

  @Test
  void aForgedTokenIsRefusedEvenWithKeycloakDownAndOnlyRs256IsAccepted() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey forger = new RSAKeyGenerator(2048).keyID("k1").generate();
    JwtDecoder decoder = ServiceJwtDecoder.create(serve(key), TTL, JwtValidators.createDefault());
    decoder.decode(token(key));
    keycloak.stop(0);
    keycloak = null;
    Thread.sleep(TTL.toMillis() * 3);

    assertThatThrownBy(() -> decoder.decode(token(forger))).isInstanceOf(BadJwtException.class);
  }
}
