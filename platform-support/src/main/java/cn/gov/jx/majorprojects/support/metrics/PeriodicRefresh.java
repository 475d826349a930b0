package cn.gov.jx.majorprojects.support.metrics;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Business gauges that are a count over the database are refreshed here, every {@code interval}
 * (where the service has scheduling on; tests call {@link #refresh()}), never on a scrape: a scrape
 * reads the values of the last pass. A pass that fails keeps the previous values and is logged.
 */
public final class PeriodicRefresh implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PeriodicRefresh.class);

  private final Duration interval;
  private final List<Runnable> counts;

  public PeriodicRefresh(Duration interval, List<Runnable> counts) {
    this.interval = interval;
    this.counts = List.copyOf(counts);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::refresh, interval);
  }

  /** Runs every count once. */
  public void refresh() {
    for (Runnable count : counts) {
      try {
        count.run();
      } catch (RuntimeException e) {
        log.warn("metrics not refreshed, keeping the last values: {}", e.toString());
      }
    }
  }
}
