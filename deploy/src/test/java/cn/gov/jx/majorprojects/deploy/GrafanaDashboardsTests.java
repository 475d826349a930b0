package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.DEPLOY;
import static cn.gov.jx.majorprojects.deploy.Tools.at;
import static cn.gov.jx.majorprojects.deploy.Tools.read;
import static cn.gov.jx.majorprojects.deploy.Tools.succeed;
import static cn.gov.jx.majorprojects.deploy.Tools.write;
import static cn.gov.jx.majorprojects.deploy.Tools.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboards, checked offline (no Grafana server can be installed here): they parse,
 * panel ids are unique, every datasource is the provisioned one, every PromQL expression parses
 * (promtool, as recording rules) and reads only metrics METRICS.md lists.
 */
class GrafanaDashboardsTests {

  static final Path GRAFANA = DEPLOY.resolve("observability/grafana");

  static List<Path> dashboardFiles() throws IOException {
    try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  static String provisionedUid() {
    List<Map<String, Object>> sources =
        at(yaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml")), "datasources");
    assertThat(sources).hasSize(1);
    return (String) sources.get(0).get("uid");
  }

  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add); // inside a row
    }
    return panels;
  }

  static List<JsonNode> dashboards() throws IOException {
    List<JsonNode> dashboards = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      dashboards.add(new ObjectMapper().readTree(read(file)));
    }
    return dashboards;
  }

  @Test
  void thePlatformOverviewAndTheBusinessDashboardParseWithUniqueUidsAndPanelIds()
      throws IOException {
    Set<String> uids = new HashSet<>();
    for (JsonNode dashboard : dashboards()) {
      assertThat(uids.add(dashboard.path("uid").asString())).isTrue();
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : panels(dashboard)) {
        assertThat(ids.add(panel.path("id").asInt()))
            .as("panel id %s in %s unique", panel.path("id"), dashboard.path("title"))
            .isTrue();
      }
      assertThat(ids).isNotEmpty();
    }
    assertThat(uids).contains("majorprojects-overview", "majorprojects-business");
  }

  @Test
  void everyPanelAndQueryUsesTheProvisionedDatasource() throws IOException {
    String uid = provisionedUid();
    assertThat(uid).isNotBlank();
    for (JsonNode dashboard : dashboards()) {
      for (JsonNode panel : panels(dashboard)) {
        if (panel.path("type").asString().equals("row")) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asString())
            .as("datasource of panel %s", panel.path("title"))
            .isEqualTo(uid);
        assertThat(panel.path("targets").size())
            .as("queries of %s", panel.path("title"))
            .isPositive();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asString()).isEqualTo(uid);
        }
      }
    }
  }

  @Test
  void everyExpressionParsesAndReadsOnlyListedMetrics() throws IOException {
    String list = read(DEPLOY.resolve("observability/METRICS.md"));
    StringBuilder rules =
        new StringBuilder("groups:\n  - name: dashboard-expressions\n    rules:\n");
    int n = 0;
    for (JsonNode dashboard : dashboards()) {
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asString();
          assertThat(expr).as("expr of %s", panel.path("title")).isNotBlank();
          for (String metric : PromQl.metricNames(expr)) {
            assertThat(list)
                .as("%s (panel %s) in METRICS.md", metric, panel.path("title"))
                .contains(PrometheusRulesTests.base(metric));
          }
          rules.append("      - record: dashboard:expr_").append(++n).append('\n');
          rules.append("        expr: '").append(expr.replace("'", "''")).append("'\n");
        }
      }
    }
    Path file = write(DEPLOY.resolve("target/dashboard-expressions.yml"), rules.toString());

    String out = succeed("promtool", "check", "rules", file.toString());

    assertThat(out).contains("SUCCESS: " + n + " rules found");
  }

  @Test
  void theDashboardProviderReadsTheFolderComposeMountsTheDashboardsIn() {
    String path =
        at(
            yaml(GRAFANA.resolve("provisioning/dashboards/majorprojects.yml")),
            "providers",
            0,
            "options",
            "path");
    List<String> volumes =
        at(yaml(DEPLOY.resolve("compose/docker-compose.yml")), "services", "grafana", "volumes");

    assertThat(volumes).contains("../observability/grafana/dashboards:" + path + ":ro");
  }
}
