package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.JSON;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (Debian's 2.42 server, /usr/bin/prometheus) scrapes the real platform's four
 * management ports: every target is up (so the scrape format is one 2.42 accepts: no exemplars),
 * every metric deploy/observability/METRICS.md lists is in the scrape of the service that owns it,
 * and business metrics move after a user's action through the gateway. Prometheus runs on a
 * loopback port ({@code e2e.prometheus.port}) with its configuration and storage under target/, and
 * is stopped by its PID after the class.
 */
class PrometheusScrapeE2ETests {

  static final String BINARY = "/usr/bin/prometheus";
  static final Map<String, String> JOBS = new LinkedHashMap<>();
  static final List<String> ALL =
      List.of("gateway", "project-service", "issue-service", "notification-service");

  static final String OPEN = "max(sum by (instance) (issues_open))";
  static final String OPEN_CITY = "max(sum by (instance) (issues_open{level=\"CITY\"}))";
  static Process prometheus;
  static int TARGETS;
  static String api;

  @BeforeAll
  static void startPrometheus() throws Exception {
    assertThat(Path.of(BINARY))
        .as("Debian's prometheus package (.ci/run installs it)")
        .isExecutable();
    Map<String, String> ports = new LinkedHashMap<>();
    for (String pair : System.getProperty("e2e.management.ports", "").split(",")) {
      String[] kv = pair.split("=");
      ports.put(kv[0], kv[1]);
    }
    JOBS.put("gateway", ports.getOrDefault("gateway", "19080"));
    JOBS.put("project-service", ports.getOrDefault("project", "19081"));
    JOBS.put("issue-service", ports.getOrDefault("issue", "19082"));
    JOBS.put("notification-service", ports.getOrDefault("notification", "19083"));
    String port = System.getProperty("e2e.prometheus.port", "19290");
    api = "http://127.0.0.1:" + port + "/api/v1/";

    Path home =
        Path.of(System.getProperty("e2e.home", "target/platform")).resolveSibling("prometheus");
    Files.createDirectories(home);
    StringBuilder config =
        new StringBuilder(
            """
            # written by PrometheusScrapeE2ETests: the e2e platform's management ports
            global:
              scrape_interval: 2s
              scrape_timeout: 2s
            scrape_configs:
            """);
    // every instance: with REPLICAS=2 the second listens on the first's port + the offset
    int replicas = Integer.getInteger("e2e.replicas", 1);
    int offset = Integer.getInteger("e2e.replica.port.offset", 10);
    JOBS.forEach(
        (job, managementPort) -> {
          List<String> targets = new ArrayList<>();
          for (int i = 0; i < replicas; i++) {
            targets.add("'localhost:" + (Integer.parseInt(managementPort) + i * offset) + "'");
          }
          config.append(
              """
                - job_name: %s
                  metrics_path: /actuator/prometheus
                  static_configs:
                    - targets: [%s]
              """
                  .formatted(job, String.join(", ", targets)));
        });
    TARGETS = ALL.size() * replicas;
    Path file = home.resolve("prometheus.yml");
    Files.writeString(file, config);
    Path data = home.resolve("data");
    deleteTree(data);
    prometheus =
        new ProcessBuilder(
                BINARY,
                "--config.file=" + file.toAbsolutePath(),
                "--storage.tsdb.path=" + data.toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("prometheus.log").toFile())
            .start();
    // also when the test JVM ends without running @AfterAll
    Runtime.getRuntime().addShutdownHook(new Thread(PrometheusScrapeE2ETests::stopPrometheus));
    await("every target up (log: " + home.resolve("prometheus.log") + ")")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(prometheus.isAlive()).as("prometheus running").isTrue();
              Map<String, String> health = new LinkedHashMap<>();
              for (JsonNode target : call("targets?state=active").get("activeTargets")) {
                health.put(
                    target.get("labels").get("job").asString()
                        + "@"
                        + target.get("labels").get("instance").asString(),
                    target.get("health").asString() + " " + target.get("lastError").asString());
              }
              assertThat(health).hasSize(TARGETS);
              assertThat(health.keySet().stream().map(k -> k.substring(0, k.indexOf('@'))))
                  .containsOnlyElementsOf(ALL);
              assertThat(health.values()).allMatch(h -> h.startsWith("up"), "up: " + health);
            });
  }

  @AfterAll
  static void stopPrometheus() {
    Process p = prometheus;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy(); // SIGTERM to its PID
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  @Test
  void aCaseSubmittedThroughTheGatewayMovesTheBusinessMetricsPrometheusScrapes() {
    // issues_open is a count of the shared database each replica makes: the same on each (max);
    // counters are per instance (sum)
    double open = scalar(OPEN);
    double city = scalar(OPEN_CITY);
    double created = scalar("sum(notifications_inbox_total)");
    double manual = scalar("sum(issues_escalations_total{trigger=\"manual\"})");

    String id = IssuesE2ETests.report(IssuesE2ETests.honggutanProject(), "普罗米修斯指标");
    HttpResponse<String> escalated =
        IssuesE2ETests.act(id, "escalate", "coord.hgt", "{\"reason\":\"需市级协调\"}");
    assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);

    await("the case in issues_open, its escalation and its notifications in Prometheus")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              assertThat(scalar("sum(issues_escalations_total{trigger=\"manual\"})"))
                  .isEqualTo(manual + 1);
              // at least: the other test's case may be counted after "open" was read
              assertThat(scalar(OPEN)).isGreaterThanOrEqualTo(open + 1);
              assertThat(scalar(OPEN_CITY)).isEqualTo(city + 1);
              assertThat(scalar("sum(notifications_inbox_total)")).isGreaterThan(created);
            });
  }

  /** The "every metric name used exists in a scrape of the real running services" check. */
  @Test
  void everyMetricThatMetricsMdListsIsInTheScrapeOfItsService() throws IOException {
    // what the list is checked against needs traffic on each service (a routed call, a case)
    IssuesE2ETests.report(IssuesE2ETests.honggutanProject(), "指标清单");
    Map<String, List<String>> expected = listedMetrics();
    assertThat(expected).containsKeys("issues_open", "gateway_jwks_fetches_total", "up");

    await("every listed metric in Prometheus")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              List<String> missing = new ArrayList<>();
              expected.forEach(
                  (name, jobs) -> {
                    Set<String> found = new TreeSet<>();
                    for (JsonNode series :
                        call("query?query="
                                + encode("count by (job) ({__name__=\"" + name + "\"})"))
                            .get("result")) {
                      found.add(series.get("metric").get("job").asString());
                    }
                    if (!found.containsAll(jobs)) {
                      missing.add(name + " " + jobs + " (found in " + found + ")");
                    }
                  });
              assertThat(missing).as("listed in METRICS.md, not scraped").isEmpty();
            });
  }

  /**
   * The metric names of METRICS.md's tables (as Prometheus stores them: a timer's {@code _count})
   * with the jobs that must expose each: the business table names its service; the platform metrics
   * come from every service but the gateway's own and MongoDB's.
   */
  static Map<String, List<String>> listedMetrics() throws IOException {
    Path list =
        Path.of(System.getProperty("e2e.platform", "../platform"))
            .toAbsolutePath()
            .getParent()
            .resolve("deploy/observability/METRICS.md");
    Map<String, List<String>> out = new LinkedHashMap<>();
    Pattern name = Pattern.compile("`([a-z_:]+)`");
    boolean business = false;
    for (String line : Files.readAllLines(list)) {
      if (line.startsWith("| metric")) {
        business = line.contains("| service |");
        continue;
      }
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      boolean timer = cells[2].strip().startsWith("timer");
      List<String> jobs =
          business ? List.of(cells[3].strip().split(",\\s*")) : platformJobs(cells[1]);
      Matcher m = name.matcher(cells[1]);
      String previous = null;
      while (m.find()) {
        String metric = m.group(1);
        if (metric.startsWith("_") && previous != null) {
          metric = previous.substring(0, previous.lastIndexOf('_')) + metric;
        } else if (timer && !metric.matches(".*_(count|sum|bucket|max)$")) {
          metric = metric + "_count";
        }
        out.put(metric, jobs.stream().map(String::strip).toList());
        previous = metric;
      }
    }
    return out;
  }

  private static List<String> platformJobs(String names) {
    if (names.contains("spring_cloud_gateway") || names.contains("resilience4j")) {
      return List.of("gateway");
    }
    if (names.contains("mongodb_")) {
      return List.of("project-service", "issue-service", "notification-service");
    }
    return ALL;
  }

  private static double scalar(String query) {
    JsonNode result = call("query?query=" + encode(query)).get("result");
    return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).get("value").get(1).asString());
  }

  private static JsonNode call(String path) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10)).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("data");
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
