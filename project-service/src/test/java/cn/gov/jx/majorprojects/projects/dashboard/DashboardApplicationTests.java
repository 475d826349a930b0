package cn.gov.jx.majorprojects.projects.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.projects.KeycloakTokenStub;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(
    properties = {
      "management.server.port=0",
      "spring.cloud.openfeign.client.config.issue-service.read-timeout=400"
    })
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class DashboardApplicationTests {

  static final WireMockServer issueService = new WireMockServer(options().dynamicPort());

  static {
    issueService.start();
  }

  @AfterAll
  static void stop() {
    issueService.stop();
  }

  @DynamicPropertySource
  static void urls(DynamicPropertyRegistry registry) {
    registry.add("projects.issue-url", issueService::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> issueService.baseUrl() + "/token");
  }

  static final RequestPostProcessor OWNER_DH =
      TestUsers.user("owner.dh", "owner", "360102", "org-dh");

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @BeforeEach
  void reset() {
    for (String c :
        new String[] {
          "projects",
          "progress_reports",
          "annual_plans",
          "warning_rules",
          "dashboard_rollups",
          "dashboard_shares"
        }) {
      mongo.remove(new Query(), c);
    }
    issueService.resetAll();
    KeycloakTokenStub.stubTokenEndpoint(issueService);
    issueService.stubFor(
        get(urlPathEqualTo("/internal/coordination-stats"))
            .willReturn(aResponse().withStatus(503)));
  }

  String project(
      String serial, String region, String org, String status, String start, String finish)
      throws Exception {
    String answer =
        mvc.perform(
                MockMvcRequestBuilders.post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"2026-%s-48-01-%s","name":"项目%s","level":"CITY",
                         "regionCode":"%s","industry":"URBAN","ownerOrg":"%s",
                         "ownerOrgName":"业主","totalInvestment":90000,
                         "plannedStart":"%s","plannedFinish":"%s","status":"%s"}
                        """
                            .formatted(region, serial, serial, region, org, start, finish, status)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  void plan(String id, int year, String amount) throws Exception {
    mvc.perform(
            put("/api/projects/" + id + "/plans/" + year)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedInvestment\":" + amount + "}"))
        .andExpect(status().isOk());
  }

  void report(String id, RequestPostProcessor owner, String period, String amount, int workers)
      throws Exception {
    mvc.perform(
            put("/api/projects/" + id + "/progress-reports/" + period)
                .with(owner)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":%s,"physicalProgressPercent":10,"workersOnSite":%d,
                     "siteState":"WORKING"}
                    """
                        .formatted(amount, workers)))
        .andExpect(status().is2xxSuccessful());
  }

  String dashboard(RequestPostProcessor user, String query) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get("/api/dashboard" + query).with(user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  static BigDecimal decimal(String json, String path) {
    return new BigDecimal(String.valueOf((Object) JsonPath.read(json, path)));
  }

  static long number(String json, String path) {
    return ((Number) JsonPath.read(json, path)).longValue();
  }

  /** Two building/preparing projects in Nanchang counties, one planned for next year. */
  String[] nanchang() throws Exception {
    String hgt =
        project(
            "000001", "360113", "org-nc-metro", "UNDER_CONSTRUCTION", "2026-03-01", "2027-12-31");
    plan(hgt, 2026, "1000");
    report(hgt, TestUsers.ownerHgt(), "2026-05", "300.5", 50);
    report(hgt, TestUsers.ownerHgt(), "2026-09", "50", 60);
    report(hgt, TestUsers.ownerHgt(), "2026-10", "200", 80);
    String dh =
        project("000002", "360102", "org-dh", "PRE_CONSTRUCTION", "2026-12-01", "2027-12-31");
    plan(dh, 2026, "500");
    project("000003", "360102", "org-dh", "PLANNED", "2027-03-01", "2028-12-31");
    return new String[] {hgt, dh};
  }

  @Test
  void aCityShowsItsProjectsFiguresAndTheyEqualTheSumOverItsCounties() throws Exception {
    nanchang();
    String json = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");

    assertThat(number(json, "$.projects")).isEqualTo(2);
    assertThat(number(json, "$.byStatus.UNDER_CONSTRUCTION")).isEqualTo(1);
    assertThat(number(json, "$.byStatus.PRE_CONSTRUCTION")).isEqualTo(1);
    assertThat(number(json, "$.byLevel.CITY")).isEqualTo(2);
    assertThat(decimal(json, "$.plannedInvestment")).isEqualByComparingTo("1500");
    assertThat(decimal(json, "$.completedInvestment")).isEqualByComparingTo("550.5");
    assertThat(decimal(json, "$.completionRatePercent")).isEqualByComparingTo("36.70");
    assertThat(decimal(json, "$.doubleHalf.firstHalfCompleted")).isEqualByComparingTo("300.5");
    assertThat((Boolean) JsonPath.read(json, "$.doubleHalf.reached")).isFalse();
    assertThat(decimal(json, "$.doubleHalf.timeSharePercent")).isEqualByComparingTo("83.33");
    // the Honggutan project was due in March and started in November: late; Donghu due December
    assertThat(number(json, "$.onTimeStart.due")).isEqualTo(1);
    assertThat(number(json, "$.onTimeStart.onTime")).isZero();
    assertThat(number(json, "$.fiveNots.notStopped.inConstruction")).isEqualTo(1);
    assertThat(number(json, "$.fiveNots.intensity.workersOnSite")).isEqualTo(80);
    assertThat(number(json, "$.fiveNots.intensity.previousWorkersOnSite")).isEqualTo(60);
    assertThat(decimal(json, "$.fiveNots.intensity.changePercent")).isEqualByComparingTo("33.33");
    assertThat(number(json, "$.fiveNots.planningNotBrokenOff.projects")).isEqualTo(1);
    assertThat(number(json, "$.fiveNots.planningNotBrokenOff.nextYear")).isEqualTo(2027);

    List<Map<String, Object>> children = JsonPath.read(json, "$.children");
    assertThat(children).hasSize(9);
    List<Number> honggutan = JsonPath.read(json, "$.children[?(@.regionCode=='360113')].projects");
    assertThat(honggutan.get(0).longValue()).isEqualTo(1);
    assertSumOfChildren(json);

    // the province rolls up the same projects
    String province = dashboard(TestUsers.managerJx(), "?regionCode=360000&year=2026");
    assertThat(number(province, "$.projects")).isEqualTo(2);
    assertThat(decimal(province, "$.completedInvestment")).isEqualByComparingTo("550.5");
    assertSumOfChildren(province);
  }

  static void assertSumOfChildren(String json) {
    for (String figure :
        List.of(
            "projects",
            "byStatus.UNDER_CONSTRUCTION",
            "byStatus.PRE_CONSTRUCTION",
            "byStatus.PLANNED",
            "byLevel.CITY",
            "warnings.RED",
            "warnings.YELLOW",
            "warnings.GREEN",
            "suspendedSites",
            "onTimeStart.due",
            "fiveNots.planningNotBrokenOff.projects")) {
      List<Number> values = JsonPath.read(json, "$.children[*]." + figure);
      long sum = values.stream().mapToLong(Number::longValue).sum();
      assertThat(sum).as(figure).isEqualTo(number(json, "$." + figure));
    }
    for (String amount : List.of("plannedInvestment", "completedInvestment")) {
      List<Object> values = JsonPath.read(json, "$.children[*]." + amount);
      BigDecimal sum =
          values.stream()
              .map(v -> new BigDecimal(String.valueOf(v)))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).as(amount).isEqualByComparingTo(decimal(json, "$." + amount));
    }
  }

  @Test
  void aCorrectionAndAStatusChangeMoveTheFiguresWithoutCountingTwice() throws Exception {
    String[] ids = nanchang();
    report(ids[0], TestUsers.ownerHgt(), "2026-10", "100", 40);
    String dh =
        mvc.perform(MockMvcRequestBuilders.get("/api/projects/" + ids[1]).with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            patch("/api/projects/" + ids[1])
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"version\":%d,\"status\":\"UNDER_CONSTRUCTION\"}"
                        .formatted(number(dh, "$.version"))))
        .andExpect(status().isOk());

    String json = dashboard(TestUsers.coordNc(), "?year=2026");
    assertThat((String) JsonPath.read(json, "$.regionCode")).isEqualTo("360100");
    assertThat(number(json, "$.projects")).isEqualTo(2);
    assertThat(decimal(json, "$.completedInvestment")).isEqualByComparingTo("450.5");
    assertThat(number(json, "$.fiveNots.intensity.workersOnSite")).isEqualTo(40);
    assertThat(number(json, "$.byStatus.UNDER_CONSTRUCTION")).isEqualTo(2);
    assertThat(number(json, "$.byStatus.PRE_CONSTRUCTION")).isZero();
    assertThat(number(json, "$.fiveNots.notStopped.inConstruction")).isEqualTo(2);
    assertSumOfChildren(json);

    // moving a project to another county moves it between the children, not the city total
    String hgt =
        mvc.perform(MockMvcRequestBuilders.get("/api/projects/" + ids[0]).with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            patch("/api/projects/" + ids[0])
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"version\":%d,\"regionCode\":\"360102\"}"
                        .formatted(number(hgt, "$.version"))))
        .andExpect(status().isOk());
    String moved = dashboard(TestUsers.managerNc(), "?year=2026");
    assertThat(number(moved, "$.projects")).isEqualTo(2);
    List<Number> honggutan = JsonPath.read(moved, "$.children[?(@.regionCode=='360113')].projects");
    List<Number> donghu = JsonPath.read(moved, "$.children[?(@.regionCode=='360102')].projects");
    assertThat(honggutan.get(0).longValue()).isZero();
    assertThat(donghu.get(0).longValue()).isEqualTo(2);
    assertSumOfChildren(moved);
  }

  @Test
  void aRebuildFromScratchGivesTheSameFiguresAsTheRollUpsKeptOnWrite() throws Exception {
    String[] ids = nanchang();
    report(ids[0], TestUsers.ownerHgt(), "2026-10", "120", 70);
    String kept = dashboard(TestUsers.managerNc(), "?year=2026");
    mvc.perform(MockMvcRequestBuilders.post("/api/dashboard/rebuild").with(TestUsers.managerNc()))
        .andExpect(status().isForbidden());
    mvc.perform(MockMvcRequestBuilders.post("/api/dashboard/rebuild").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.projects").value(3));
    assertThat(dashboard(TestUsers.managerNc(), "?year=2026")).isEqualTo(kept);
  }

  @Test
  void ownersMayNotSeeTheDashboardAndOtherRegionsDoNotLeak() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.get("/api/dashboard?regionCode=360113")
                .with(TestUsers.ownerHgt()))
        .andExpect(status().isForbidden());
    mvc.perform(
            MockMvcRequestBuilders.get("/api/dashboard?regionCode=360100")
                .with(TestUsers.coordGz()))
        .andExpect(status().isNotFound());
    mvc.perform(
            MockMvcRequestBuilders.get("/api/dashboard?regionCode=360000")
                .with(TestUsers.managerNc()))
        .andExpect(status().isNotFound());
    mvc.perform(
            MockMvcRequestBuilders.get("/api/dashboard?regionCode=999999").with(TestUsers.admin()))
        .andExpect(status().isNotFound());
    mvc.perform(MockMvcRequestBuilders.get("/api/dashboard?year=1900").with(TestUsers.managerNc()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
    // an empty region answers zeros, not an error
    mvc.perform(
            MockMvcRequestBuilders.get("/api/dashboard?regionCode=360702&year=2026")
                .with(TestUsers.coordGz()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.projects").value(0))
        .andExpect(jsonPath("$.regionName").value("章贡区"));
  }

  @Test
  void coordinationComesFromIssueServiceInOneCallWithTheServicesToken() throws Exception {
    nanchang();
    issueService.stubFor(
        get(urlEqualTo("/internal/coordination-stats?regionCode=360100&year=2026"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"regionCode":"360100","year":2026,"received":10,"resolved":8,
                         "resolvedOnTime":6,"overdueNow":1,
                         "children":[{"regionCode":"360113","received":7,"resolved":5,
                                      "resolvedOnTime":5,"overdueNow":0}]}
                        """)));
    String json = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
    assertThat((Boolean) JsonPath.read(json, "$.fiveNots.coordination.available")).isTrue();
    assertThat(number(json, "$.fiveNots.coordination.received")).isEqualTo(10);
    assertThat(decimal(json, "$.fiveNots.coordination.onTimePercent")).isEqualByComparingTo("75");
    List<Number> hgt =
        JsonPath.read(
            json, "$.children[?(@.regionCode=='360113')].fiveNots.coordination.resolvedOnTime");
    assertThat(hgt.get(0).longValue()).isEqualTo(5);
    List<Number> xh =
        JsonPath.read(json, "$.children[?(@.regionCode=='360103')].fiveNots.coordination.received");
    assertThat(xh.get(0).longValue()).isZero();
    issueService.verify(
        1,
        getRequestedFor(urlPathEqualTo("/internal/coordination-stats"))
            .withHeader("Authorization", equalTo("Bearer svc-token")));
  }

  @Test
  void coordinationIsUnavailableNotAnErrorWhenIssueServiceIsDown() throws Exception {
    nanchang();
    String json = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
    assertThat((Boolean) JsonPath.read(json, "$.fiveNots.coordination.available")).isFalse();
    assertThat((Map<String, Object>) JsonPath.read(json, "$.fiveNots.coordination")).hasSize(1);
    assertThat((Boolean) JsonPath.read(json, "$.children[0].fiveNots.coordination.available"))
        .isFalse();
    assertThat(number(json, "$.projects")).isEqualTo(2);
  }

  @Test
  void coordinationIsUnavailableWhenIssueServiceIsSlow() throws Exception {
    issueService.stubFor(
        get(urlPathEqualTo("/internal/coordination-stats"))
            .willReturn(
                aResponse()
                    .withFixedDelay(3000)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"regionCode\":\"360100\",\"year\":2026,\"received\":1,\"resolved\":1,\"resolvedOnTime\":1,\"overdueNow\":0,\"children\":[]}")));
    long started = System.nanoTime();
    String json = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat((Boolean) JsonPath.read(json, "$.fiveNots.coordination.available")).isFalse();
    assertThat(millis).isLessThan(2500);
  }

  /**
   * issue-service answering 200 with a body that is not JSON, JSON of another shape (whose missing
   * numbers would read as zeros), another region's figures, no body at all, or 10 MB (over the 4 MB
   * bound): the coordination figure is unavailable, the rest of the dashboard is there, and no
   * reading is remembered as this month's.
   */
  @Test
  void coordinationIsUnavailableAndNotRememberedWhenIssueServiceAnswersGarbage() throws Exception {
    nanchang();
    List<String> bodies =
        List.of(
            "<html>502</html>",
            "{\"unexpected\":true}",
            "{\"regionCode\":\"360100\",\"year\":2026,\"received\":-5,\"children\":[]}",
            "{\"regionCode\":\"360700\",\"year\":2026,\"received\":3,\"resolved\":1,"
                + "\"resolvedOnTime\":1,\"overdueNow\":0,\"children\":[]}",
            "",
            "{\"regionCode\":\"360100\",\"year\":2026,\"note\":\""
                + "x".repeat(10 * 1024 * 1024)
                + "\",\"received\":1,\"resolved\":1,\"resolvedOnTime\":1,\"overdueNow\":0,"
                + "\"children\":[]}");
    for (String body : bodies) {
      issueService.stubFor(
          get(urlPathEqualTo("/internal/coordination-stats"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));
      String json = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
      assertThat((Boolean) JsonPath.read(json, "$.fiveNots.coordination.available"))
          .as(body.length() > 100 ? "10 MB" : body)
          .isFalse();
      assertThat((Boolean) JsonPath.read(json, "$.children[0].fiveNots.coordination.available"))
          .isFalse();
      assertThat(number(json, "$.projects")).isEqualTo(2);
    }
    assertThat(
            mongo.count(
                Query.query(Criteria.where("coordination").exists(true)), DashboardRollups.ROLLUPS))
        .isZero();
  }

  /** Makes this month's recorded changes look as if they had happened in October. */
  void asIfRecordedInOctober() {
    for (Document d :
        mongo.find(
            Query.query(Criteria.where("month").is("2026-11")),
            Document.class,
            DashboardRollups.ROLLUPS)) {
      mongo.remove(Query.query(Criteria.where("_id").is(d.get("_id"))), DashboardRollups.ROLLUPS);
      d.put("_id", d.getString("_id").replace(":2026-11", ":2026-10"));
      d.put("month", "2026-10");
      mongo.insert(d, DashboardRollups.ROLLUPS);
    }
  }

  void stubCoordination(int received) {
    issueService.stubFor(
        get(urlEqualTo("/internal/coordination-stats?regionCode=360100&year=2026"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"regionCode":"360100","year":2026,"received":%d,"resolved":2,
                         "resolvedOnTime":2,"overdueNow":0,"children":[]}
                        """
                            .formatted(received))));
  }

  @Test
  void lastMonthsFiveNotsAreTheFiguresBeforeThisMonthsChangesAndSurviveARebuild() throws Exception {
    String[] ids = nanchang();
    stubCoordination(4);
    dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
    asIfRecordedInOctober();
    stubCoordination(9);
    // in November the Honggutan site stops and a project is added for next year's pipeline
    mvc.perform(
            patch("/api/projects/" + ids[0])
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(ids[0]) + ",\"status\":\"SUSPENDED\"}"))
        .andExpect(status().isOk());
    project("000004", "360102", "org-dh", "PLANNED", "2027-05-01", "2028-12-31");

    String json = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
    assertThat((String) JsonPath.read(json, "$.previous.month")).isEqualTo("2026-10");
    assertThat((String) JsonPath.read(json, "$.previous.asOf")).isEqualTo("2026-10-31");
    assertThat(number(json, "$.fiveNots.notStopped.stopped")).isEqualTo(1);
    assertThat(number(json, "$.previous.fiveNots.notStopped.stopped")).isZero();
    assertThat(number(json, "$.previous.fiveNots.notStopped.inConstruction")).isEqualTo(1);
    assertThat(number(json, "$.fiveNots.planningNotBrokenOff.projects")).isEqualTo(2);
    assertThat(number(json, "$.previous.fiveNots.planningNotBrokenOff.projects")).isEqualTo(1);
    // intensity then compared September (60 workers) with August (none reported)
    assertThat((String) JsonPath.read(json, "$.previous.fiveNots.intensity.month"))
        .isEqualTo("2026-09");
    assertThat(number(json, "$.previous.fiveNots.intensity.workersOnSite")).isEqualTo(60);
    assertThat(number(json, "$.fiveNots.intensity.workersOnSite")).isEqualTo(80);
    // starts due by the end of October (Honggutan's, March) vs by now (Donghu's, December: not yet)
    assertThat(number(json, "$.previous.fiveNots.startsNotDelayed.due")).isEqualTo(1);
    // coordination as last seen in October, today's as issue-service answers now
    assertThat(number(json, "$.previous.fiveNots.coordination.received")).isEqualTo(4);
    assertThat(number(json, "$.fiveNots.coordination.received")).isEqualTo(9);
    // children carry no trend of their own
    assertThat(JsonPath.<List<Object>>read(json, "$.children[*].previous")).isEmpty();

    mvc.perform(MockMvcRequestBuilders.post("/api/dashboard/rebuild").with(TestUsers.admin()))
        .andExpect(status().isOk());
    String rebuilt = dashboard(TestUsers.managerNc(), "?regionCode=360100&year=2026");
    assertThat((Object) JsonPath.read(rebuilt, "$.previous"))
        .isEqualTo(JsonPath.read(json, "$.previous"));
    assertThat((Object) JsonPath.read(rebuilt, "$.monthly"))
        .isEqualTo(JsonPath.read(json, "$.monthly"));
  }

  long version(String id) throws Exception {
    return ((Number)
            JsonPath.read(
                mvc.perform(
                        MockMvcRequestBuilders.get("/api/projects/" + id).with(TestUsers.admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.version"))
        .longValue();
  }

  @Test
  void theMonthlySeriesIsCumulativePlanAgainstDoneThisYearAndLastAndFlagsAMissedDoubleHalf()
      throws Exception {
    String[] ids = nanchang();
    plan(ids[0], 2025, "1200");
    report(ids[0], TestUsers.ownerHgt(), "2025-12", "90", 10);
    String json = dashboard(TestUsers.coordNc(), "?year=2026");
    // plans of 1000 + 500 spread evenly; done: May 300.5, September 50, October 200
    assertThat(number(json, "$.monthly.year")).isEqualTo(2026);
    assertThat(JsonPath.<List<Object>>read(json, "$.monthly.thisYear")).hasSize(12);
    assertThat(decimal(json, "$.monthly.thisYear[0].planned")).isEqualByComparingTo("125");
    assertThat(decimal(json, "$.monthly.thisYear[0].completed")).isEqualByComparingTo("0");
    assertThat(decimal(json, "$.monthly.thisYear[4].completed")).isEqualByComparingTo("300.5");
    assertThat(decimal(json, "$.monthly.thisYear[9].completed")).isEqualByComparingTo("550.5");
    assertThat(decimal(json, "$.monthly.thisYear[10].completed")).isEqualByComparingTo("550.5");
    assertThat(decimal(json, "$.monthly.thisYear[11].planned")).isEqualByComparingTo("1500");
    // December has not come yet
    assertThat((Map<String, Object>) JsonPath.read(json, "$.monthly.thisYear[11]"))
        .doesNotContainKey("completed");
    assertThat((String) JsonPath.read(json, "$.monthly.lastYear[11].month")).isEqualTo("2025-12");
    assertThat(decimal(json, "$.monthly.lastYear[11].planned")).isEqualByComparingTo("1200");
    assertThat(decimal(json, "$.monthly.lastYear[11].completed")).isEqualByComparingTo("90");
    assertThat(decimal(json, "$.monthly.lastYear[10].completed")).isEqualByComparingTo("0");

    // 30 June has passed with 300.5 of 1500 done: the city and Honggutan are behind, Xihu has no
    // plan
    assertThat((Boolean) JsonPath.read(json, "$.doubleHalf.halfYearBehind")).isTrue();
    List<Boolean> hgt =
        JsonPath.read(json, "$.children[?(@.regionCode=='360113')].doubleHalf.halfYearBehind");
    assertThat(hgt).containsExactly(true);
    List<Boolean> xh =
        JsonPath.read(json, "$.children[?(@.regionCode=='360103')].doubleHalf.halfYearBehind");
    assertThat(xh).containsExactly(false);
    // a bad year is refused as before, whatever the new blocks
    mvc.perform(MockMvcRequestBuilders.get("/api/dashboard?year=20x6").with(TestUsers.coordNc()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
  }

  @Autowired DashboardRollups rollups;

  @Test
  void rollUpsOfTheOlderModelAreRecountedOnceAtStart() throws Exception {
    nanchang();
    mongo.remove(new Query(), DashboardRollups.META);
    mongo.updateMulti(
        new Query(),
        new org.springframework.data.mongodb.core.query.Update().unset("f.completed_5"),
        DashboardRollups.ROLLUPS);
    rollups.upgrade();
    for (int i = 0;
        i < 100 && mongo.findById("rollups", Document.class, DashboardRollups.META) == null;
        i++) {
      Thread.sleep(100);
    }
    String json = dashboard(TestUsers.managerNc(), "?year=2026");
    assertThat(decimal(json, "$.monthly.thisYear[4].completed")).isEqualByComparingTo("300.5");
  }

  @Autowired DoubleHalfWatch doubleHalf;

  @Test
  void aRegionBelowHalfOfItsPlanAfterJuneRaisesOneEventForItsManagers() throws Exception {
    mongo.remove(new Query(), "region_alerts");
    String[] ids = nanchang();
    // Xihu has more than half of its plan done in the first half: no alert there
    String xh =
        project("000009", "360103", "org-xh", "UNDER_CONSTRUCTION", "2026-01-01", "2027-12-31");
    plan(xh, 2026, "100");
    report(xh, TestUsers.user("owner.xh", "owner", "360103", "org-xh"), "2026-06", "60", 5);

    // Honggutan 300.5 of 1000, Donghu 0 of 500, Nanchang 360.5 of 1600, Jiangxi the same
    assertThat(doubleHalf.check()).isEqualTo(4);
    List<Document> alerts = mongo.find(new Query(), Document.class, "region_alerts");
    assertThat(alerts)
        .extracting(a -> a.getString("_id"))
        .containsExactlyInAnyOrder(
            "DOUBLE_HALF_BEHIND:360113:2026",
            "DOUBLE_HALF_BEHIND:360102:2026",
            "DOUBLE_HALF_BEHIND:360100:2026",
            "DOUBLE_HALF_BEHIND:360000:2026");
    Document nanchang =
        alerts.stream()
            .filter(a -> a.getString("_id").contains("360100"))
            .findFirst()
            .orElseThrow();
    Document event = nanchang.getList("outbox", Document.class).get(0);
    assertThat(event.getString("type")).isEqualTo("DOUBLE_HALF_BEHIND");
    Document subject = event.get("subject", Document.class);
    assertThat(subject.getString("kind")).isEqualTo("REGION");
    assertThat(subject.getString("projectRegion")).isEqualTo("360100");
    assertThat(subject.getString("name")).isEqualTo("南昌市");
    assertThat(event.get("details", Document.class).get("year")).isEqualTo(2026);

    // once: the next day's run, or a later change, raises nothing again
    report(ids[0], TestUsers.ownerHgt(), "2026-10", "1", 80);
    assertThat(doubleHalf.check()).isZero();
    assertThat(mongo.getCollection("region_alerts").countDocuments()).isEqualTo(4);
    String json = dashboard(TestUsers.managerNc(), "?year=2026");
    assertThat((Boolean) JsonPath.read(json, "$.doubleHalf.halfYearBehind")).isTrue();
  }
}
