package cn.gov.jx.majorprojects.gateway.security;

import cn.gov.jx.majorprojects.gateway.metrics.JwksFetches;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The realm's signing keys, fetched once and kept. A token whose key id is in the cache costs no
 * fetch. An unknown key id (Keycloak rotated its key) costs one fetch, shared by every request that
 * waits for it; refetches are at least {@code minRefetchInterval} apart, so tokens with an invented
 * key id cannot make the gateway hammer Keycloak. With Keycloak down the cached keys keep working.
 */
final class SigningKeyCache implements Function<SignedJWT, Flux<JWK>> {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyCache.class);

  private final WebClient web;
  private final String jwkSetUri;
  private final long minRefetchNanos;
  private final Duration fetchTimeout;
  private final LongSupplier nanoClock;
  private final JwksFetches fetches;

  private volatile JWKSet keys;
  private volatile long lastFetchStarted;
  private Mono<JWKSet> inFlight; // guarded by this

  SigningKeyCache(
      WebClient web,
      String jwkSetUri,
      Duration minRefetchInterval,
      Duration fetchTimeout,
      LongSupplier nanoClock) {
    this(web, jwkSetUri, minRefetchInterval, fetchTimeout, nanoClock, null);
  }

  /** {@code fetches}, when given, counts each fetch's outcome (gateway_jwks_fetches_total). */
  SigningKeyCache(
      WebClient web,
      String jwkSetUri,
      Duration minRefetchInterval,
      Duration fetchTimeout,
      LongSupplier nanoClock,
      JwksFetches fetches) {
    this.fetches = fetches;
    this.web = web;
    this.jwkSetUri = jwkSetUri;
    this.minRefetchNanos = minRefetchInterval.toNanos();
    this.fetchTimeout = fetchTimeout;
    this.nanoClock = nanoClock;
  }

  @Override
  public Flux<JWK> apply(SignedJWT jwt) {
    JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
    JWKSet cached = keys;
    if (cached == null) {
      return refresh().flatMapIterable(selector::select);
    }
    List<JWK> found = selector.select(cached);
    if (!found.isEmpty()) {
      return Flux.fromIterable(found);
    }
    Mono<JWKSet> refreshed = refreshUnlessRecent();
    if (refreshed == null) {
      return Flux.empty(); // fetched a moment ago: the key id is not the realm's, so 401
    }
    return refreshed
        .onErrorResume(
            e -> {
              log.warn(
                  "signing keys could not be refreshed, keeping the cached ones: {}", e.toString());
              return Mono.just(cached);
            })
        .flatMapIterable(selector::select);
  }

  /** The fetch under way, or a new one unless the last began less than the interval ago. */
  private synchronized Mono<JWKSet> refreshUnlessRecent() {
    if (inFlight == null && nanoClock.getAsLong() - lastFetchStarted < minRefetchNanos) {
      return null;
    }
    return refresh();
  }

  /** One fetch at a time; every caller that needs keys meanwhile waits for the same answer. */
  private synchronized Mono<JWKSet> refresh() {
    if (inFlight == null) {
      lastFetchStarted = nanoClock.getAsLong();
      // done before the answer reaches the waiting callers (doFinally would run after them, so a
      // caller could still find this finished fetch "in flight" and skip a fetch it is due)
      inFlight =
          fetch()
              .doOnSuccess(
                  set -> {
                    if (set != null) {
                      keys = set;
                    }
                    done();
                    if (fetches != null) {
                      fetches.succeeded();
                    }
                  })
              .doOnError(
                  e -> {
                    done();
                    if (fetches != null) {
                      fetches.failed();
                    }
                  })
              .cache();
    }
    return inFlight;
  }

  private synchronized void done() {
    inFlight = null;
  }

  private Mono<JWKSet> fetch() {
    return web.get()
        .uri(jwkSetUri)
        .retrieve()
        .bodyToMono(String.class)
        .timeout(fetchTimeout)
        // an answer that is no key set (not JSON, another shape, no body, over the codec's 256 KB)
        // is Keycloak failing, like an unreachable one: the token cannot be checked (503), and it
        // is not the caller's bad token (401)
        .onErrorMap(
            e -> NestedExceptionUtils.getMostSpecificCause(e) instanceof DataBufferLimitException,
            e ->
                new AuthenticationServiceException(
                    "the JWK set at " + jwkSetUri + " is too big", e))
        .switchIfEmpty(
            Mono.error(() -> new AuthenticationServiceException("no JWK set at " + jwkSetUri)))
        .handle(
            (body, sink) -> {
              try {
                JWKSet set = JWKSet.parse(body);
                log.info("fetched {} signing key(s) from {}", set.getKeys().size(), jwkSetUri);
                sink.next(set);
              } catch (ParseException e) {
                sink.error(new AuthenticationServiceException("not a JWK set at " + jwkSetUri, e));
              }
            });
  }
}
