package cn.gov.jx.majorprojects.support.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next try: {@code first} x 2^(tries - 1), at most {@code max}, optionally
 * spread by ±{@code jitter} so replicas and a burst of failures do not retry in lock-step.
 */
public final class Backoff {

  private static final int MAX_DOUBLINGS = 20;

  private final Duration first;
  private final Duration max;
  private final double jitter;
  private final DoubleSupplier random;

  private Backoff(Duration first, Duration max, double jitter, DoubleSupplier random) {
    this.first = first;
    this.max = max;
    this.jitter = jitter;
    this.random = random;
  }

  /** Doubling from {@code first}, never more than {@code max} (null: no bound but 2^20). */
  public static Backoff doubling(Duration first, Duration max) {
    return new Backoff(first, max, 0, () -> 0.5);
  }

  /** The same waits, each spread by ±{@code share} (0.2 = ±20 %) drawn from {@code random}. */
  public Backoff withJitter(double share, DoubleSupplier random) {
    return new Backoff(first, max, share, random);
  }

  /** The wait after {@code tries} failed tries (1 = after the first). */
  public Duration after(int tries) {
    long nominal = first.toMillis() << Math.min(Math.max(tries - 1, 0), MAX_DOUBLINGS);
    if (max != null) {
      nominal = Math.min(nominal, max.toMillis());
    }
    double spread = 1 - jitter + 2 * jitter * random.getAsDouble();
    return Duration.ofMillis(Math.round(nominal * spread));
  }
}
