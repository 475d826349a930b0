package cn.gov.jx.majorprojects.issues.metrics;

import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The escalation sweep as the EscalationSweepStalled alert reads it: each pass's duration, the
 * cases it escalated or recoloured, the end of this instance's last pass (epoch seconds, 0 before
 * the first) and the configured interval (so the rule needs no copy of it). Kept on each pass.
 */
@Component
class SweepMetrics {

  private final Timer duration;
  private final Counter cases;
  private final Clock clock;
  private volatile double lastRun;

  SweepMetrics(MeterRegistry registry, IssuesProperties properties, Clock clock) {
    this.clock = clock;
    duration =
        Timer.builder("issues.sweep.duration")
            .description("one pass of the escalation sweep")
            .register(registry);
    cases =
        Counter.builder("issues.sweep.cases")
            .description("cases the escalation sweep escalated or recoloured")
            .register(registry);
    Gauge.builder("issues.sweep.last.run.timestamp.seconds", this, m -> m.lastRun)
        .description("end of this instance's last finished sweep, epoch seconds (0: none yet)")
        .register(registry);
    double interval = properties.sweepInterval().toMillis() / 1000.0;
    Gauge.builder("issues.sweep.interval.seconds", () -> interval)
        .description("issues.sweep-interval: the time between two sweep passes")
        .register(registry);
  }

  @EventListener
  void on(EscalationSweep.Passed pass) {
    duration.record(pass.took());
    EscalationSweep.Result result = pass.result();
    cases.increment(result.escalated() + result.turnedRed() + result.turnedYellow());
    lastRun = clock.millis() / 1000.0;
  }
}
