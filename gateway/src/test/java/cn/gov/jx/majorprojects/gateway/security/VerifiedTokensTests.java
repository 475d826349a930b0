package cn.gov.jx.majorprojects.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.support.security.JwtRules;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * The cache of verified tokens in front of the real RS256 check (Nimbus with the platform's
 * validator), with a clock the test moves and a count of full checks.
 */
class VerifiedTokensTests {

  static final String ISSUER = "http://localhost/realms/majorprojects";

  final SigningKeys realm = new SigningKeys(ISSUER);
  final AtomicInteger fullChecks = new AtomicInteger();
  final MovableClock clock = new MovableClock();
  VerifiedTokens tokens;

  @BeforeEach
  void setUp() throws Exception {
    tokens = cache(10);
  }

  VerifiedTokens cache(int maxEntries) throws Exception {
    RSAKey key = (RSAKey) JWKSet.parse(realm.jwks()).getKeys().get(0);
    NimbusReactiveJwtDecoder nimbus =
        NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    nimbus.setJwtValidator(JwtRules.validator(ISSUER, "majorprojects-api"));
    return new VerifiedTokens(
        token -> {
          fullChecks.incrementAndGet();
          return nimbus.decode(token);
        },
        maxEntries,
        clock);
  }

  @Test
  void aValidTokenIsCheckedInFullOnceThenReusedUntilItsExpiryAndNotAMomentLonger() {
    String token = realm.token("coord.nc", "coordinator", "360100"); // lives 300 s
    for (int i = 0; i < 5; i++) {
      assertThat(decode(token).getClaimAsString("preferred_username")).isEqualTo("coord.nc");
    }
    assertThat(fullChecks).hasValue(1);

    Instant expiry = decode(token).getExpiresAt();
    clock.set(expiry.minusMillis(1));
    decode(token);
    assertThat(fullChecks).as("a moment before exp").hasValue(1);

    clock.set(expiry); // at exp: the full check decides again, every time
    decode(token);
    decode(token);
    assertThat(fullChecks).hasValue(3);
  }

  @Test
  void everyBadTokenIsRefusedOnEveryRequestAndNeverKept() {
    JWTClaimsSet claims = realm.claims("admin", "admin", "360000").build();
    String good = realm.sign(claims);
    Instant past = Instant.now().minusSeconds(3600);
    String signature = good.substring(good.lastIndexOf('.') + 1);
    String otherSignature =
        signature.substring(0, 10)
            + (signature.charAt(10) == 'A' ? 'B' : 'A')
            + signature.substring(11);
    List<String> bad =
        List.of(
            good.substring(0, good.lastIndexOf('.') + 1) + otherSignature,
            realm.unsigned(claims),
            realm.hs256(claims),
            new SigningKeys(ISSUER).sign(claims), // same key id, another key
            realm.sign(
                realm
                    .claims("admin", "admin", "360000")
                    .issueTime(Date.from(past))
                    .expirationTime(Date.from(past.plusSeconds(300)))
                    .build()),
            realm.sign(realm.claims("admin", "admin", "360000").audience("account").build()),
            realm.sign(
                realm.claims("admin", "admin", "360000").issuer("http://evil/realms/x").build()));
    decode(good); // kept: none of its variants below may borrow its verification
    for (String token : bad) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> decode(token)).isInstanceOf(JwtException.class);
      }
    }
    assertThat(fullChecks).hasValue(1 + bad.size() * 2);
    assertThat(tokens.size()).isEqualTo(1);
  }

  @Test
  void aCachedTokensClaimsWithItsSignatureAreStillAForgery() {
    String good = realm.token("owner.hgt", "owner", "360113");
    decode(good);
    String[] parts = good.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"owner\"", "\"admin\"");
    String promoted =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(promoted).isNotEqualTo(good);
    assertThatThrownBy(() -> decode(promoted)).isInstanceOf(JwtException.class);
    assertThat(decode(good).getClaimAsMap("realm_access").toString()).contains("owner");
  }

  @Test
  void aTokenWithoutExpiryIsNeverKept() {
    String noExpiry =
        realm.sign(realm.claims("coord.nc", "coordinator", "360100").expirationTime(null).build());
    for (int i = 0; i < 3; i++) {
      try {
        decode(noExpiry);
      } catch (JwtException refused) {
        // whether the validator takes it or not, it is checked in full every time
      }
    }
    assertThat(fullChecks).hasValue(3);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void theCacheIsBoundedAndMakesRoomByDroppingExpiredTokens() throws Exception {
    tokens = cache(2);
    Instant now = clock.instant();
    String shortA = lives("a", now.plusSeconds(60));
    String shortB = lives("b", now.plusSeconds(60));
    String longC = lives("c", now.plusSeconds(300));
    for (String token : List.of(shortA, shortB, longC, shortA, shortB, longC)) {
      decode(token);
    }
    assertThat(tokens.size()).isEqualTo(2);
    assertThat(fullChecks).as("c found no room: checked both times").hasValue(4);

    clock.move(Duration.ofSeconds(120)); // a and b have expired, c has not
    decode(longC);
    decode(longC);
    assertThat(fullChecks).as("c now kept after one more full check").hasValue(5);
    assertThat(tokens.size()).isEqualTo(1);
  }

  private String lives(String username, Instant expiry) {
    return realm.sign(
        realm.claims(username, "coordinator", "360100").expirationTime(Date.from(expiry)).build());
  }

  private Jwt decode(String token) {
    return tokens.decode(token).block(Duration.ofSeconds(10));
  }

  /** A clock that starts now and moves only when told. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.now();

    void move(Duration by) {
      now = now.plus(by);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
