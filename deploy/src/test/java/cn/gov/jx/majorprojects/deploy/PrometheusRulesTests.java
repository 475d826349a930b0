package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.DEPLOY;
import static cn.gov.jx.majorprojects.deploy.Tools.at;
import static cn.gov.jx.majorprojects.deploy.Tools.read;
import static cn.gov.jx.majorprojects.deploy.Tools.succeed;
import static cn.gov.jx.majorprojects.deploy.Tools.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/observability: the scrape config, the alert rules and their unit tests, with promtool. */
class PrometheusRulesTests {

  static final String CONFIG = "observability/prometheus.yml";
  static final String RULES = "observability/rules/alerts.yml";
  static final String RULE_TESTS = "observability/tests/alerts-test.yml";

  static List<Map<String, Object>> alerts() {
    List<Map<String, Object>> alerts = new ArrayList<>();
    List<Map<String, Object>> groups = at(yaml(DEPLOY.resolve(RULES)), "groups");
    for (Map<String, Object> group : groups) {
      List<Map<String, Object>> rules = at(group, "rules");
      alerts.addAll(rules);
    }
    return alerts;
  }

  @Test
  void scrapeConfigIsValidAndLoadsEveryAlertRule() {
    String out = succeed("promtool", "check", "config", CONFIG);

    assertThat(out).contains("SUCCESS: " + alerts().size() + " rules found");
  }

  @Test
  void scrapesTheFourManagementPortsAtTheActuatorPath() {
    List<Map<String, Object>> jobs = at(yaml(DEPLOY.resolve(CONFIG)), "scrape_configs");
    Set<String> targets = new TreeSet<>();
    for (Map<String, Object> job : jobs) {
      assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
      List<String> jobTargets = at(job, "static_configs", 0, "targets");
      targets.addAll(jobTargets);
    }
    assertThat(targets)
        .containsExactly(
            "gateway:9080",
            "issue-service:9082",
            "notification-service:9083",
            "project-service:9081");
  }

  @Test
  void alertRulesPassPromtool() {
    succeed("promtool", "check", "rules", RULES);
  }

  @Test
  void alertRuleUnitTestsPass() {
    String out = succeed("promtool", "test", "rules", RULE_TESTS);

    assertThat(out).contains("SUCCESS");
  }

  @Test
  void everyAlertHasSeverityAndSummaryDescriptionRunbookText() {
    for (Map<String, Object> alert : alerts()) {
      assertThat((String) at(alert, "labels", "severity"))
          .as("severity of %s", alert.get("alert"))
          .isIn("critical", "warning");
      Map<String, String> annotations = at(alert, "annotations");
      assertThat(annotations)
          .as("annotations of %s", alert.get("alert"))
          .containsOnlyKeys("summary", "description", "runbook");
      assertThat(annotations.values()).allSatisfy(text -> assertThat(text).hasSizeGreaterThan(20));
    }
  }

  @Test
  void everyAlertIsTestedFiringAndQuiet() {
    Set<String> fires = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    List<Map<String, Object>> tests = at(yaml(DEPLOY.resolve(RULE_TESTS)), "tests");
    for (Map<String, Object> test : tests) {
      List<Map<String, Object>> cases = at(test, "alert_rule_test");
      for (Map<String, Object> c : cases) {
        List<?> expected = at(c, "exp_alerts");
        (expected == null || expected.isEmpty() ? quiet : fires).add((String) c.get("alertname"));
      }
    }
    for (Map<String, Object> alert : alerts()) {
      assertThat(fires).as("a test where it fires").contains((String) alert.get("alert"));
      assertThat(quiet).as("a test where it stays quiet").contains((String) alert.get("alert"));
    }
  }

  @Test
  void everyMetricTheRulesReadIsListedInMetricsMd() {
    String list = read(DEPLOY.resolve("observability/METRICS.md"));
    for (Map<String, Object> alert : alerts()) {
      for (String name : PromQl.metricNames((String) alert.get("expr"))) {
        assertThat(list)
            .as("%s (alert %s) in METRICS.md", name, alert.get("alert"))
            .contains(base(name));
      }
    }
  }

  /** {@code x_seconds_bucket} is listed as {@code x_seconds_count} / {@code _bucket}. */
  static String base(String metric) {
    return metric.replaceAll("_(bucket|count|sum)$", "");
  }
}
