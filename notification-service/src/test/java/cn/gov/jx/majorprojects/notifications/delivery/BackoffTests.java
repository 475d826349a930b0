package cn.gov.jx.majorprojects.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

  @Test
  void waitsDoubleWithinTwentyPercentAndEightTriesSpanAboutHalfAnHour() {
    Backoff low = new Backoff(Duration.ofSeconds(15), () -> 0.0);
    Backoff high = new Backoff(Duration.ofSeconds(15), () -> 0.999999);
    assertThat(low.after(1)).isEqualTo(Duration.ofSeconds(12));
    assertThat(high.after(1).toMillis()).isBetween(17_999L, 18_000L);
    assertThat(low.after(2)).isEqualTo(Duration.ofSeconds(24));

    Duration nominal = Duration.ZERO;
    Backoff middle = new Backoff(Duration.ofSeconds(15), () -> 0.5);
    for (int tries = 1; tries <= 7; tries++) {
      nominal = nominal.plus(middle.after(tries));
    }
    // seven waits between eight tries
    assertThat(nominal.toMinutes()).isBetween(30L, 33L);
  }
}
