package cn.gov.jx.majorprojects.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTests {

  static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstIsAllowedThenTheCallerWaitsForTheRate() {
    TokenBuckets buckets = new TokenBuckets(20, 40);
    for (int i = 0; i < 40; i++) {
      assertThat(buckets.tryTake("user:a", 0)).isZero();
    }
    assertThat(buckets.tryTake("user:a", 0)).isEqualTo(1);
    // 20 per second: after half a second ten more are allowed, the eleventh is not
    for (int i = 0; i < 10; i++) {
      assertThat(buckets.tryTake("user:a", SECOND / 2)).isZero();
    }
    assertThat(buckets.tryTake("user:a", SECOND / 2)).isEqualTo(1);
  }

  @Test
  void callersHaveTheirOwnBuckets() {
    TokenBuckets buckets = new TokenBuckets(1, 1);
    assertThat(buckets.tryTake("user:a", 0)).isZero();
    assertThat(buckets.tryTake("user:a", 0)).isEqualTo(1);
    assertThat(buckets.tryTake("ip:10.0.0.1", 0)).isZero();
  }

  @Test
  void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
    TokenBuckets buckets = new TokenBuckets(1, 1);
    buckets.tryTake("user:slow", 0);
    assertThat(buckets.tryTake("user:slow", SECOND / 10)).isEqualTo(1);
    TokenBuckets slow = new TokenBuckets(1, 3);
    for (int i = 0; i < 3; i++) {
      slow.tryTake("k", 0);
    }
    assertThat(slow.tryTake("k", 0)).isEqualTo(1);
    assertThat(slow.tryTake("k", SECOND)).isZero();
  }
}
