package cn.gov.jx.majorprojects.notifications.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Wait before the next try: base x 2^(tries - 1), each spread by ±20% so replicas and a burst of
 * failures do not retry in lock-step. With the 15 s default and 8 tries the last one comes about 32
 * minutes after the first.
 */
final class Backoff {

  private final Duration base;
  private final DoubleSupplier random;

  Backoff(Duration base, DoubleSupplier random) {
    this.base = base;
    this.random = random;
  }

  /** The wait after {@code tries} failed tries (1 = after the first). */
  Duration after(int tries) {
    long nominal = base.toMillis() << Math.min(Math.max(tries - 1, 0), 20);
    double spread = 0.8 + 0.4 * random.getAsDouble();
    return Duration.ofMillis(Math.round(nominal * spread));
  }
}
