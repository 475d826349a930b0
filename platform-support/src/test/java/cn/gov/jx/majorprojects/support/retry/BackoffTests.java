package cn.gov.jx.majorprojects.support.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

  @Test
  void deliveriesWaitDoubleWithinTwentyPercentAndEightTriesSpanAboutHalfAnHour() {
    Backoff low = Backoff.doubling(Duration.ofSeconds(15), null).withJitter(0.2, () -> 0.0);
    Backoff high = Backoff.doubling(Duration.ofSeconds(15), null).withJitter(0.2, () -> 0.999999);
    assertThat(low.after(1)).isEqualTo(Duration.ofSeconds(12));
    assertThat(high.after(1).toMillis()).isBetween(17_999L, 18_000L);
    assertThat(low.after(2)).isEqualTo(Duration.ofSeconds(24));

    Duration nominal = Duration.ZERO;
    Backoff middle = Backoff.doubling(Duration.ofSeconds(15), null).withJitter(0.2, () -> 0.5);
    for (int tries = 1; tries <= 7; tries++) {
      nominal = nominal.plus(middle.after(tries));
    }
    // seven waits between eight tries
    assertThat(nominal.toMinutes()).isBetween(30L, 33L);
  }

  @Test
  void outboxesWaitTenSecondsDoublingToAnHourAtMost() {
    Backoff outbox = Backoff.doubling(Duration.ofSeconds(10), Duration.ofHours(1));
    assertThat(outbox.after(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(outbox.after(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(outbox.after(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(outbox.after(10)).isEqualTo(Duration.ofHours(1));
    assertThat(outbox.after(1000)).isEqualTo(Duration.ofHours(1));
  }
}
