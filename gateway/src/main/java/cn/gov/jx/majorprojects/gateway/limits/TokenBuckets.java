package cn.gov.jx.majorprojects.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-memory token buckets, one per caller key. Good for one replica; with several, each replica
 * would allow the full rate, so use a shared store (Redis with Spring Cloud Gateway's {@code
 * RedisRateLimiter}) there.
 */
final class TokenBuckets {

  private static final int MAX_KEYS = 100_000;

  private final double perNano;
  private final double capacity;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(int replenishPerSecond, int capacity) {
    this.perNano = replenishPerSecond / 1e9;
    this.capacity = capacity;
  }

  /** Takes one token; 0 when allowed, otherwise whole seconds until a token is back (≥ 1). */
  long tryTake(String key, long nowNanos) {
    if (buckets.size() > MAX_KEYS) {
      // full buckets hold no information: dropping them bounds memory under an address sweep
      buckets.values().removeIf(b -> b.isFull(nowNanos));
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
    synchronized (bucket) {
      bucket.refill(nowNanos);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      double nanosUntilOne = (1 - bucket.tokens) / perNano;
      return Math.max(1, (long) Math.ceil(nanosUntilOne / 1e9));
    }
  }

  private final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - updated) * perNano);
      updated = now;
    }

    synchronized boolean isFull(long now) {
      return tokens + (now - updated) * perNano >= capacity;
    }
  }
}
