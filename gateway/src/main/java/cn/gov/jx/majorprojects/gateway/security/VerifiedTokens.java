package cn.gov.jx.majorprojects.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Tokens this gateway has already verified, so each distinct token pays for its RS256 signature
 * check and parsing once rather than on every request. Keyed by the token's SHA-256; only a
 * successful verification is kept, and only until the token's {@code exp} (never longer, so no
 * clock-skew grace: past {@code exp} the full check decides again). A token that differs in a
 * single character has another hash and is checked in full, so forged, expired, wrong-audience and
 * wrong-issuer tokens are refused on every request as before. Bounded: when full, expired entries
 * are dropped, and a token that still finds no room is simply checked every time.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder verifier;
  private final int maxEntries;
  private final Clock clock;
  private final ConcurrentMap<Key, Jwt> verified = new ConcurrentHashMap<>();

  VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Clock clock) {
    this.verifier = verifier;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    if (maxEntries <= 0) {
      return verifier.decode(token);
    }
    Key key = Key.of(token);
    Jwt known = known(key, token);
    return known != null
        ? Mono.just(known)
        : verifier.decode(token).doOnNext(jwt -> remember(key, jwt));
  }

  /**
   * The token if this gateway verified it before and it has not expired since, else null (then
   * {@link #decode} checks it in full). Synchronous: a bearer call with a known token needs no
   * reactive step for its authentication (issue 13).
   */
  Jwt known(String token) {
    return maxEntries <= 0 ? null : known(Key.of(token), token);
  }

  private Jwt known(Key key, String token) {
    Jwt known = verified.get(key);
    if (known == null) {
      return null;
    }
    if (isUnexpired(known, clock.instant()) && known.getTokenValue().equals(token)) {
      return known;
    }
    verified.remove(key, known);
    return null;
  }

  int size() {
    return verified.size();
  }

  private void remember(Key key, Jwt jwt) {
    Instant now = clock.instant();
    if (!isUnexpired(jwt, now)) {
      return; // no exp, or inside the validator's clock-skew grace: nothing to reuse
    }
    if (verified.size() >= maxEntries) {
      verified.values().removeIf(entry -> !isUnexpired(entry, now));
      if (verified.size() >= maxEntries) {
        return;
      }
    }
    verified.put(key, jwt);
  }

  private static boolean isUnexpired(Jwt jwt, Instant now) {
    Instant expiresAt = jwt.getExpiresAt();
    return expiresAt != null && now.isBefore(expiresAt);
  }

  /**
   * A token's SHA-256: 32 bytes per entry however long the token (a hit still compares it whole).
   */
  private record Key(byte[] sha256) {

    /**
     * One digest per thread (the event loops), reused: looking the algorithm up for every request
     * showed in the gateway's profile (issue 13). {@code digest} leaves it reset for the next.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 =
        ThreadLocal.withInitial(
            () -> {
              try {
                return MessageDigest.getInstance("SHA-256");
              } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
              }
            });

    static Key of(String token) {
      return new Key(SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(sha256, key.sha256);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
      return "Key[sha256]";
    }
  }
}
