package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The project list by warning with last month's report, the dashboard's trend, a rules preview. */
class ProjectListAndDashboardE2ETests {

  static final String LAST_MONTH =
      YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

  static String slippedProject() {
    String body =
        """
        {"code":"%s","name":"红谷滩会展中心（开工滞后）","level":"CITY","regionCode":"360113",
         "industry":"SOCIAL","ownerOrg":"org-nc-metro","ownerOrgName":"南昌轨道交通集团",
         "totalInvestment":56000,"plannedStart":"2025-01-01","plannedFinish":"2028-12-31",
         "status":"PRE_CONSTRUCTION"}
        """
            .formatted(ProjectsE2ETests.uniqueCode("360113"));
    HttpResponse<String> created =
        ProjectsE2ETests.write("POST", "/api/projects", token("admin"), body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  @Test
  void theListShowsRedProjectsFirstWithLastMonthsReportStateInOneCall() {
    String id = slippedProject();
    HttpResponse<String> red =
        get(
            "/api/projects?regionCode=360113&warning=RED&sort=warning&size=100",
            token("coord.hgt"));
    assertThat(red.statusCode()).as(red.body()).isEqualTo(200);
    JsonNode items = json(red).get("content");
    assertThat(items.size()).isPositive();
    boolean found = false;
    for (JsonNode item : items) {
      assertThat(item.get("warning").get("level").asString()).isEqualTo("RED");
      assertThat(item.get("previousReport").get("period").asString()).isEqualTo(LAST_MONTH);
      found |= item.get("id").asString().equals(id);
    }
    assertThat(found).isTrue();
    JsonNode mine = json(get("/api/projects/" + id, token("owner.hgt")));
    assertThat(mine.get("previousReport").get("state").asString()).isEqualTo("NOT_REQUIRED");

    HttpResponse<String> purple = get("/api/projects?warning=PURPLE", token("coord.hgt"));
    assertThat(purple.statusCode()).isEqualTo(400);
    assertThat(purple.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(get("/api/projects?warning=RED", token("owner.zg"))).get("content").toString())
        .doesNotContain(id);
  }

  @Test
  void theDashboardCarriesLastMonthsFiveNotsAndTheMonthlySeries() {
    slippedProject();
    HttpResponse<String> answer = get("/api/dashboard?regionCode=360100", token("manager.nc"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode dashboard = json(answer);
    assertThat(dashboard.get("previous").get("month").asString()).isEqualTo(LAST_MONTH);
    assertThat(dashboard.get("previous").get("fiveNots").has("notStopped")).isTrue();
    assertThat(dashboard.get("monthly").get("thisYear").size()).isEqualTo(12);
    assertThat(dashboard.get("monthly").get("lastYear").size()).isEqualTo(12);
    assertThat(dashboard.get("doubleHalf").has("halfYearBehind")).isTrue();

    assertThat(get("/api/dashboard?regionCode=360702", token("manager.nc")).statusCode())
        .isEqualTo(404);
    assertThat(get("/api/dashboard", token("owner.hgt")).statusCode()).isEqualTo(403);
  }

  @Test
  void anAdminPreviewsRulesWithoutChangingAnyLight() {
    String id = slippedProject();
    String lenient =
        """
        {"startSlipYellowMonths":0,"startSlipRedMonths":36,"paceYellowPoints":10,
         "paceRedPoints":30,"suspendedIsRed":true,"missingReportIsYellow":true}
        """;
    HttpResponse<String> preview =
        ProjectsE2ETests.write("POST", "/api/warning-rules/preview", token("admin"), lenient);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(json(preview).get("changes").get("RED→YELLOW").asLong()).isPositive();
    assertThat(
            json(get("/api/projects/" + id, token("admin"))).get("warning").get("level").asString())
        .isEqualTo("RED");
    assertThat(
            ProjectsE2ETests.write(
                    "POST", "/api/warning-rules/preview", token("manager.jx"), lenient)
                .statusCode())
        .isEqualTo(403);
  }
}
