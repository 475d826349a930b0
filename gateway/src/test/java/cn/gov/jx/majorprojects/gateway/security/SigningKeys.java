package cn.gov.jx.majorprojects.gateway.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A test realm's signing key and tokens shaped like Keycloak's, good and bad. */
public final class SigningKeys {

  private final RSAKey key;
  private final String issuer;

  public SigningKeys(String issuer) {
    this(issuer, "test-kid");
  }

  /** Another key of the same realm, as after Keycloak rotates its signing key. */
  public SigningKeys(String issuer, String keyId) {
    this.issuer = issuer;
    try {
      this.key = new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** The realm's JWKS holding this key and the others' public keys. */
  public String jwksWith(SigningKeys... others) {
    List<com.nimbusds.jose.jwk.JWK> all = new java.util.ArrayList<>();
    all.add(key.toPublicJWK());
    for (SigningKeys other : others) {
      all.add(other.key.toPublicJWK());
    }
    return new JWKSet(all).toString();
  }

  public JWTClaimsSet.Builder claims(String username, String role, String region) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(username + "-id")
        .audience(List.of("majorprojects-api"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("azp", "cli")
        .claim("preferred_username", username)
        .claim("name", username)
        .claim("realm_access", Map.of("roles", List.of(role)))
        .claim("region", region);
  }

  public String token(String username, String role, String region) {
    return sign(claims(username, role, region).build());
  }

  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  public String hs256(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
