package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.FaultsE2ETests.call;
import static cn.gov.jx.majorprojects.e2e.FaultsE2ETests.tree;
import static cn.gov.jx.majorprojects.e2e.Platform.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jx.majorprojects.e2e.FaultsE2ETests.Outcome;
import cn.gov.jx.majorprojects.e2e.PeerStub.Mode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A peer that is slow (answers after 10 s) or answers garbage, a wrong shape or 64 MB, on the real
 * platform: each instance of the peer is stopped and a {@link PeerStub} takes its ports. The caller
 * stays within its own read timeout and answers cleanly: project-service's dashboard degrades only
 * its coordination figure (issue-service's), issue-service's case intake answers its own 503
 * problem and stores nothing (project-service's). Restarting the real peer brings everything back
 * without restarting the caller. Ganzhou (360700, 章贡区 360702) keeps the figures apart from the
 * other classes' Honggutan data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowPeerE2ETests {

  private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
  private static final String OWNER = "owner.zg";
  private static final String COORDINATOR = "coord.gz";
  private static final String DASHBOARD = "/api/dashboard?regionCode=360700&year=" + YEAR;

  /** project-service's read timeout on issue-service (PROJECTS_ISSUE_READ_TIMEOUT_MS, 1500 ms). */
  private static final long PROJECT_READ_TIMEOUT_MS = 1500;

  /** issue-service's read timeout on project-service (FEIGN_READ_TIMEOUT_MS, 5000 ms). */
  private static final long ISSUE_READ_TIMEOUT_MS = 5000;

  /**
   * issue-service's own problem when project-service does not answer usably, passed on by the
   * gateway as written (not the gateway's generic 503, not "503 SERVICE_UNAVAILABLE \"…\"").
   */
  private static final String ISSUE_SERVICE_503 =
      "project-service is not answering; try again shortly";

  private static final int REPLICAS = Integer.getInteger("e2e.replicas", 1);

  @BeforeEach
  void freshTokens() {
    Platform.forgetTokens();
  }

  @Test
  @Order(1)
  void aSlowOrGarbledIssueServiceCostsTheDashboardOnlyItsCoordinationFigureUntilItIsBack()
      throws Exception {
    String projectId = ganzhouProject("章贡区快速路（对端故障）");
    planAndReport(projectId);
    String caseId = report(projectId, "对端故障-征迁");
    JsonNode baseline = settledDashboard();
    JsonNode coordination = baseline.get("fiveNots").get("coordination");
    assertThat(coordination.get("available").asBoolean()).as(coordination.toString()).isTrue();
    assertThat(coordination.get("received").asLong()).isPositive();
    JsonNode degraded = withCoordinationUnavailable(baseline);
    System.out.println("dashboard 360700 with issue-service: " + coordination + ", case " + caseId);

    stopEveryInstanceOf("issue-service");
    try (PeerStub issueService = new PeerStub(portsOf("issue"))) {
      for (Mode mode : Mode.values()) {
        issueService.answer(mode);
        // the gateway balances over the project-service replicas: each one is asked
        for (int call = 0; call < REPLICAS; call++) {
          Outcome o = call("GET", DASHBOARD, COORDINATOR, null, null);
          System.out.println("dashboard while issue-service is " + mode + ": " + brief(o));
          assertThat(o.status()).as(o.toString()).isEqualTo(200);
          // within project-service's own read timeout, nowhere near the stub's 10 s
          assertThat(o.millis()).as(o.toString()).isLessThan(PROJECT_READ_TIMEOUT_MS + 3500);
          // the progress figures as they were; only the coordination ones (own and children's)
          // are marked unavailable
          assertThat(tree(o.body())).as(mode.toString()).isEqualTo(degraded);
        }
        // each dashboard asked the stub, with the services token
        assertThat(issueService.asked())
            .as("what project-service asked the " + mode + " issue-service")
            .filteredOn(asked -> asked.startsWith("/internal/coordination-stats"))
            .hasSizeGreaterThanOrEqualTo(REPLICAS)
            .allMatch(
                asked ->
                    asked.equals(
                        "/internal/coordination-stats?regionCode=360700&year=" + YEAR + " bearer"));
      }
    }
    // no answer of the stub was kept as this month's coordination reading (next month's trend)
    assertThat(rememberedCoordination()).isEqualTo(numbersOf(coordination));
    platform("up");
    // project-service was not restarted: its next request asks the real issue-service again
    await("the coordination figure is back")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (int call = 0; call < REPLICAS; call++) {
                Outcome o = call("GET", DASHBOARD, COORDINATOR, null, null);
                assertThat(o.status()).as(o.toString()).isEqualTo(200);
                assertThat(tree(o.body())).isEqualTo(baseline);
              }
            });
    FaultsE2ETests.awaitRoutedAgain("issue-service");
  }

  @Test
  @Order(2)
  void aSlowOrGarbledProjectServiceFailsCaseIntakeWithIssueServicesOwn503AndStoresNothing()
      throws Exception {
    String projectId = ganzhouProject("章贡区供水管网（对端故障）");
    String milestone = planAndReport(projectId);
    String caseId = report(projectId, "对端故障-已有");
    JsonNode before = issue(caseId);
    String timeline = "/api/issues/" + caseId + "/timeline";
    Outcome timelineBefore = call("GET", timeline, OWNER, null, null);
    assertThat(timelineBefore.status()).as(timelineBefore.toString()).isEqualTo(200);
    String cases = "/api/issues?size=100&projectId=" + projectId;
    Map<String, String> keys = new HashMap<>();
    List<Outcome> failed = new ArrayList<>();

    stopEveryInstanceOf("project-service");
    try (PeerStub projectService = new PeerStub(portsOf("project"))) {
      for (Mode mode : Mode.values()) {
        projectService.answer(mode);
        Outcome o;
        if (mode == Mode.WRONG_SHAPE || mode == Mode.HUGE_DECLARED) {
          // a change to an existing case that needs the project's plan
          o = linkMilestone(caseId, milestone, before.get("version").asLong());
        } else {
          String title = "对端故障-" + mode;
          keys.put(title, "slow-peer-" + UUID.randomUUID());
          o = call("POST", "/api/issues", OWNER, issueBody(projectId, title), keys.get(title));
        }
        System.out.println("while project-service is " + mode + ": " + brief(o));
        failed.add(o);
        assertThat(o.status()).as(o.toString()).isEqualTo(503);
        assertThat(o.contentType()).as(o.toString()).startsWith("application/problem+json");
        assertThat(tree(o.body()).get("detail").asString())
            .as(o.toString())
            .isEqualTo(ISSUE_SERVICE_503);
        assertThat(o.body()).as(o.toString()).doesNotContain("Exception", "\tat ", "at cn.gov");
        // within issue-service's own read timeout, before the gateway's 10 s for issue-service
        assertThat(o.millis()).as(o.toString()).isLessThan(ISSUE_READ_TIMEOUT_MS + 3500);
        assertThat(projectService.asked())
            .as("what issue-service asked the " + mode + " project-service")
            .anyMatch(
                asked ->
                    asked.startsWith("/internal/projects/" + projectId)
                        && asked.endsWith(" bearer"));

        // nothing stored half-way (two reads: the gateway's circuit sees mostly successes)
        Outcome list = call("GET", cases, OWNER, null, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(titles(list)).containsExactly("对端故障-已有");
        JsonNode now = issue(caseId);
        assertThat(now.get("version")).isEqualTo(before.get("version"));
        assertThat(now.get("milestoneIds")).isEqualTo(before.get("milestoneIds"));
      }
    }
    Outcome timelineAfter = call("GET", timeline, OWNER, null, null);
    assertThat(timelineAfter.status()).as(timelineAfter.toString()).isEqualTo(200);
    assertThat(tree(timelineAfter.body())).isEqualTo(tree(timelineBefore.body()));

    platform("up");
    FaultsE2ETests.awaitRoutedAgain("project-service");
    // the refused requests, made again with their keys once project-service is back: once each
    for (Map.Entry<String, String> k : keys.entrySet()) {
      Outcome retried =
          call("POST", "/api/issues", OWNER, issueBody(projectId, k.getKey()), k.getValue());
      assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
      Outcome again =
          call("POST", "/api/issues", OWNER, issueBody(projectId, k.getKey()), k.getValue());
      assertThat(tree(again.body()).get("id")).isEqualTo(tree(retried.body()).get("id"));
    }
    List<String> expected = new ArrayList<>(keys.keySet());
    expected.add("对端故障-已有");
    assertThat(titles(call("GET", cases, OWNER, null, null)))
        .containsExactlyInAnyOrderElementsOf(expected);
    Outcome linked = linkMilestone(caseId, milestone, before.get("version").asLong());
    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    assertThat(tree(linked.body()).get("milestoneIds").get(0).asString()).isEqualTo(milestone);
  }

  // ---- the platform's instances --------------------------------------------------------------

  /** Stops the service and, with two replicas, its second instance: the peer is down as a whole. */
  private static void stopEveryInstanceOf(String service) throws Exception {
    platform("stop", service);
    if (REPLICAS == 2) {
      platform("stop", service + "-2");
    }
  }

  /** The API ports of every instance of {@code project} or {@code issue} (e2e.ports' names). */
  private static List<Integer> portsOf(String name) {
    int port = 0;
    for (String pair : System.getProperty("e2e.ports", "").split(",")) {
      if (pair.startsWith(name + "=")) {
        port = Integer.parseInt(pair.substring(name.length() + 1));
      }
    }
    assertThat(port).as("e2e.ports names " + name).isPositive();
    return REPLICAS == 2
        ? List.of(port, port + Integer.getInteger("e2e.replica.port.offset", 10))
        : List.of(port);
  }

  // ---- data ------------------------------------------------------------------------------------

  /** A project of org-gz-energy (owner.zg) in 章贡区, created by the admin. */
  private static String ganzhouProject(String name) {
    String code = YEAR + "-360702-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    Outcome created =
        call(
            "POST",
            "/api/projects",
            "admin",
            """
            {"code":"%s","name":"%s","level":"CITY","regionCode":"360702",
             "industry":"WATER","ownerOrg":"org-gz-energy","ownerOrgName":"赣州能源集团",
             "totalInvestment":48000,"plannedStart":"%d-02-01","plannedFinish":"%d-12-31",
             "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
                .formatted(code, name, YEAR, YEAR + 2),
            null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return tree(created.body()).get("id").asString();
  }

  /**
   * This year's plan (2400, two milestones) and this month's report: figures the dashboard shows
   * beside the coordination one. Answers the first milestone's id.
   */
  private static String planAndReport(String projectId) {
    Outcome plan =
        call(
            "PUT",
            "/api/projects/" + projectId + "/plans/" + YEAR,
            "admin",
            """
            {"plannedInvestment":2400,"milestones":[
              {"name":"管网主体贯通","plannedDate":"%d-06-30"},
              {"name":"竣工验收","plannedDate":"%d-12-31"}]}"""
                .formatted(YEAR, YEAR),
            null);
    assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    Outcome report =
        call(
            "PUT",
            "/api/projects/" + projectId + "/progress-reports/" + period,
            OWNER,
            "{\"investmentCompleted\":300,\"physicalProgressPercent\":30,\"workersOnSite\":120,"
                + "\"siteState\":\"WORKING\",\"note\":\"管网铺设\"}",
            null);
    assertThat(report.status()).as(report.toString()).isIn(200, 201);
    return tree(plan.body()).get("milestones").get(0).get("id").asString();
  }

  private static String issueBody(String projectId, String title) {
    return """
        {"projectId":"%s","title":"%s","description":"管线迁改未完成，无法开挖",
         "category":"DEMOLITION","urgency":"NORMAL"}"""
        .formatted(projectId, title);
  }

  private static String report(String projectId, String title) {
    Outcome created =
        call(
            "POST",
            "/api/issues",
            OWNER,
            issueBody(projectId, title),
            "slow-peer-" + UUID.randomUUID());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return tree(created.body()).get("id").asString();
  }

  private static JsonNode issue(String id) {
    Outcome o = call("GET", "/api/issues/" + id, OWNER, null, null);
    assertThat(o.status()).as(o.toString()).isEqualTo(200);
    return tree(o.body());
  }

  private static List<String> titles(Outcome list) {
    List<String> titles = new ArrayList<>();
    tree(list.body()).get("content").forEach(c -> titles.add(c.get("title").asString()));
    return titles;
  }

  // ---- the dashboard ---------------------------------------------------------------------------

  /** The dashboard once two reads a second apart agree (nothing of earlier classes in flight). */
  private static JsonNode settledDashboard() {
    JsonNode[] last = {null};
    await("the dashboard of 360700 settles, with its coordination figure")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Outcome o = call("GET", DASHBOARD, COORDINATOR, null, null);
              assertThat(o.status()).as(o.toString()).isEqualTo(200);
              JsonNode now = tree(o.body());
              boolean settled =
                  now.equals(last[0])
                      && now.get("fiveNots").get("coordination").get("received").asLong() > 0;
              last[0] = now;
              return settled;
            });
    return last[0];
  }

  /** project-service's last kept coordination reading of 360700 this month (its own store). */
  private static Map<String, Long> rememberedCoordination() {
    String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
      Document kept =
          mongo
              .getDatabase("projects")
              .getCollection("dashboard_rollups")
              .find(Filters.eq("_id", "360700:" + YEAR + ":" + month))
              .first();
      assertThat(kept).as("this month's document of 360700").isNotNull();
      Document c = kept.get("coordination", Document.class);
      assertThat(c).as("its coordination reading").isNotNull();
      Map<String, Long> numbers = new HashMap<>();
      c.forEach((k, v) -> numbers.put(k, ((Number) v).longValue()));
      return numbers;
    }
  }

  private static Map<String, Long> numbersOf(JsonNode coordination) {
    Map<String, Long> numbers = new HashMap<>();
    for (String k : List.of("received", "resolved", "resolvedOnTime", "overdueNow")) {
      numbers.put(k, coordination.get(k).asLong());
    }
    return numbers;
  }

  /** The dashboard as it must read while issue-service fails: only coordination unavailable. */
  private static JsonNode withCoordinationUnavailable(JsonNode dashboard) {
    ObjectNode copy = (ObjectNode) dashboard.deepCopy();
    unavailable(copy);
    assertThat(copy.get("children").size()).as("360700's counties").isPositive();
    copy.get("children").forEach(child -> unavailable((ObjectNode) child));
    return copy;
  }

  private static void unavailable(ObjectNode view) {
    ((ObjectNode) view.get("fiveNots"))
        .set("coordination", Platform.JSON.createObjectNode().put("available", false));
  }

  private static String brief(Outcome o) {
    String body = o.body() == null ? "" : o.body();
    return o.status()
        + " in "
        + o.millis()
        + " ms "
        + body.substring(0, Math.min(160, body.length()));
  }

  /** The owner links the case to one milestone of its project (a change that needs the plan). */
  private static Outcome linkMilestone(String caseId, String milestone, long version) {
    return call(
        "PUT",
        "/api/issues/" + caseId + "/milestones",
        OWNER,
        "{\"milestoneIds\":[\"%s\"],\"version\":%d}".formatted(milestone, version),
        null);
  }
}
