package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.JSON;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** JSON Web Tokens built by hand with the JDK's own crypto: what an attacker can send. */
final class ForgedTokens {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private ForgedTokens() {}

  static String b64(byte[] bytes) {
    return URL.encodeToString(bytes);
  }

  static String b64(Object json) {
    return b64(JSON.writeValueAsBytes(json));
  }

  /** The claims of a real token, as a mutable map, to be changed one at a time. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> claimsOf(String token) {
    byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    return JSON.readValue(payload, Map.class);
  }

  static String headerKid(String token) {
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    return header.get("kid").asString();
  }

  static String unsigned(Map<String, Object> claims) {
    return b64(Map.of("alg", "none", "typ", "JWT")) + "." + b64(claims) + ".";
  }

  static String hs256(Map<String, Object> claims, String kid, byte[] secret) {
    String input = b64(Map.of("alg", "HS256", "typ", "JWT", "kid", kid)) + "." + b64(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String rs256(Map<String, Object> claims, String kid, PrivateKey key) {
    String input = b64(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)) + "." + b64(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair newRsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An RSA public key from a JWK's {@code n} and {@code e}. */
  static PublicKey rsaPublicKey(JsonNode jwk) {
    Base64.Decoder d = Base64.getUrlDecoder();
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(
              new RSAPublicKeySpec(
                  new BigInteger(1, d.decode(jwk.get("n").asString())),
                  new BigInteger(1, d.decode(jwk.get("e").asString()))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
