package cn.gov.jx.majorprojects.projects.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RollupLagTests {

  Instant now = Instant.parse("2026-11-26T02:00:00Z");
  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  final RollupLag lag = new RollupLag(clock);

  @Test
  void theLagIsTheAgeOfTheOldestChangeNotYetCounted() {
    assertThat(lag.seconds()).isZero();
    lag.changed("a");
    now = now.plusSeconds(5);
    lag.changed("b");
    lag.changed("a"); // a second change of a still-pending project keeps its first moment
    now = now.plusSeconds(3);
    assertThat(lag.seconds()).isEqualTo(8);

    lag.counted("a");
    assertThat(lag.seconds()).isEqualTo(3);
    lag.counted("b");
    assertThat(lag.seconds()).isZero();
  }

  @Test
  void aRecountIsPendingWhileItRuns() {
    lag.changed(RollupLag.REBUILD);
    now = now.plus(Duration.ofMinutes(2));
    assertThat(lag.seconds()).isEqualTo(120);
    lag.counted(RollupLag.REBUILD);
    assertThat(lag.seconds()).isZero();
  }
}
