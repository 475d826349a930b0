package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.metrics.PeriodicRefresh;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import cn.gov.jx.majorprojects.support.testing.Scrape;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The business metrics of deploy/observability/METRICS.md as /actuator/prometheus serves them to
 * Prometheus (OpenMetrics; the e2e run scrapes the real port): each exists from start-up and moves
 * after the action it counts (counters on write; gauges after the periodic recount, driven here by
 * the test).
 */
class BusinessMetricsApplicationTests extends CaseApplicationTestSupport {

  @Autowired PrometheusMeterRegistry registry;
  @Autowired PeriodicRefresh issueMetricsRefresh;
  @Autowired OutboxRelay relay;
  @Autowired EscalationSweep sweep;

  Scrape scrape() {
    issueMetricsRefresh.refresh();
    return Scrape.of(registry);
  }

  @Test
  void everyBusinessMetricIsInTheScrapeFromTheStart() {
    assertThat(scrape().names())
        .contains(
            "issues_open",
            "issues_overdue",
            "issues_escalations_total",
            "issues_returns_total",
            "issues_reopenings_total",
            "issues_sweep_duration_seconds_count",
            "issues_sweep_duration_seconds_sum",
            "issues_sweep_cases_total",
            "issues_sweep_last_run_timestamp_seconds",
            "issues_sweep_interval_seconds",
            "outbox_backlog_events",
            "outbox_oldest_event_age_seconds");
    Scrape now = Scrape.of(registry);
    for (String level : new String[] {"COUNTY", "CITY", "PROVINCE"}) {
      for (String colour : new String[] {"GREEN", "YELLOW", "RED"}) {
        now.value("issues_open", "level=" + level, "colour=" + colour);
      }
    }
    now.value("issues_escalations_total", "trigger=manual");
    now.value("issues_escalations_total", "trigger=automatic");
    assertThat(now.value("issues_sweep_interval_seconds")).isEqualTo(30);
  }

  @Test
  void casesEscalationsReturnsReopeningsAndTheOutboxMoveTheirMetrics() throws Exception {
    Scrape before = scrape();

    String id = submit(TestUsers.ownerHgt(), "p-hgt", "指标");
    Scrape submitted = scrape();
    assertThat(delta(before, submitted, "issues_open", "level=COUNTY", "colour=GREEN")).isOne();
    assertThat(delta(before, submitted, "outbox_backlog_events")).isOne();

    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"上报\"}").andExpect(status().isOk());
    Scrape escalated = scrape();
    assertThat(delta(before, escalated, "issues_escalations_total", "trigger=manual")).isOne();
    assertThat(delta(before, escalated, "issues_escalations_total", "trigger=automatic")).isZero();
    assertThat(delta(before, escalated, "issues_open", "level=COUNTY", "colour=GREEN")).isZero();
    assertThat(delta(before, escalated, "issues_open", "level=CITY", "colour=GREEN")).isOne();

    act(id, "return", TestUsers.coordNc(), "{\"instruction\":\"先核实\"}").andExpect(status().isOk());
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    act(id, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"已核实\"}").andExpect(status().isOk());
    Scrape resolved = scrape();
    assertThat(delta(before, resolved, "issues_returns_total")).isOne();
    assertThat(delta(before, resolved, "issues_open")).isZero(); // resolved: no longer open
    act(id, "reopen", TestUsers.ownerHgt(), "{\"reason\":\"问题仍在\"}").andExpect(status().isOk());
    Scrape reopened = scrape();
    assertThat(delta(before, reopened, "issues_reopenings_total")).isOne();
    assertThat(delta(before, reopened, "outbox_backlog_events")).isEqualTo(6);

    relay.relay();
    Scrape relayed = scrape();
    assertThat(relayed.value("outbox_backlog_events"))
        .isLessThanOrEqualTo(before.value("outbox_backlog_events"));
  }

  @Test
  void aSweepPassIsTimedCountedAndStampedAndOverdueCasesAreCounted() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "逾期指标");
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    clock.advance(Duration.ofDays(30));
    Scrape before = scrape();
    assertThat(before.value("issues_overdue")).isPositive();
    assertThat(before.value("issues_open", "colour=RED")).isPositive();

    sweep.sweep();

    Scrape after = scrape();
    assertThat(delta(before, after, "issues_sweep_duration_seconds_count")).isOne();
    assertThat(delta(before, after, "issues_escalations_total", "trigger=automatic"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "issues_sweep_cases_total")).isGreaterThanOrEqualTo(1);
    assertThat(after.value("issues_sweep_last_run_timestamp_seconds"))
        .isCloseTo(clock.millis() / 1000.0, org.assertj.core.data.Offset.offset(0.01));
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
