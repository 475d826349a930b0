package cn.gov.jx.majorprojects.issues.metrics;

import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStore.CaseRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counters kept on write: escalations by trigger ({@code manual}: a coordinator's; {@code
 * automatic}: the sweep's for lateness), returns to the level below and reopenings, counted from
 * the timeline entries each written change of a case carries (after the write, as the
 * accountability counters are). Every series exists at 0 from start-up.
 */
@Component
class CaseMetrics {

  private final Counter manual;
  private final Counter automatic;
  private final Counter returns;
  private final Counter reopenings;

  CaseMetrics(MeterRegistry registry) {
    manual = escalations(registry, "manual");
    automatic = escalations(registry, "automatic");
    returns =
        Counter.builder("issues.returns")
            .description("cases returned to the level below")
            .register(registry);
    reopenings =
        Counter.builder("issues.reopenings")
            .description("resolved cases reopened")
            .register(registry);
  }

  private static Counter escalations(MeterRegistry registry, String trigger) {
    return Counter.builder("issues.escalations")
        .description("cases escalated to the level above")
        .tag("trigger", trigger)
        .register(registry);
  }

  @EventListener
  void on(CaseRecorded recorded) {
    for (Issue.Step step : recorded.steps()) {
      if (step.entry() == null) {
        continue; // a reminder or notice: no change of the case
      }
      switch (step.entry().type()) {
        case "ESCALATED" -> manual.increment();
        case "AUTO_ESCALATED" -> automatic.increment();
        case "RETURNED" -> returns.increment();
        case "REOPENED" -> reopenings.increment();
        default -> {
          // other entries are not counted here
        }
      }
    }
  }
}
