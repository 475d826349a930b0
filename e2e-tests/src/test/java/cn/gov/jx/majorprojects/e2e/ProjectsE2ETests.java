package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The project registry and monthly reports through the gateway with real Keycloak tokens. */
class ProjectsE2ETests {

  static HttpResponse<String> write(String method, String path, String token, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json; charset=utf-8")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  static String uniqueCode(String region) {
    int serial = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    return "2026-" + region + "-48-01-" + serial;
  }

  static String project(String code, String region, String org, String name) {
    return """
        {"code":"%s","name":"%s","level":"PROVINCIAL","regionCode":"%s","industry":"TRANSPORT",
         "ownerOrg":"%s","ownerOrgName":"南昌轨道交通集团","totalInvestment":2345678.12,
         "plannedStart":"2026-01-01","plannedFinish":"2029-12-31","status":"UNDER_CONSTRUCTION",
         "description":"赣江大桥及引线工程"}
        """
        .formatted(code, name, region, org);
  }

  String createAs(String user, String region, String org, String name) {
    HttpResponse<String> created =
        write("POST", "/api/projects", token(user), project(uniqueCode(region), region, org, name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  @Test
  void adminCreatesAndChineseRoundTripsUnchanged() {
    String id = createAs("admin", "360113", "org-nc-metro", "南昌地铁5号线（红谷滩段）");

    JsonNode read = json(get("/api/projects/" + id, token("coord.hgt")));
    assertThat(read.get("name").asString()).isEqualTo("南昌地铁5号线（红谷滩段）");
    assertThat(read.get("description").asString()).isEqualTo("赣江大桥及引线工程");
    assertThat(read.get("totalInvestment").decimalValue()).isEqualByComparingTo("2345678.12");
    assertThat(read.get("actualStart").isNull()).isFalse();

    HttpResponse<String> search =
        get("/api/projects?q=%E5%9C%B0%E9%93%815%E5%8F%B7%E7%BA%BF", token("manager.nc"));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains(id);
  }

  @Test
  void managerCreatesInItsRegionAndAnotherRegionSees404() {
    String id = createAs("manager.nc", "360113", "org-nc-metro", "红谷滩综合管廊");

    assertThat(get("/api/projects/" + id, token("coord.gz")).statusCode()).isEqualTo(404);
    assertThat(get("/api/projects/" + id, token("owner.zg")).statusCode()).isEqualTo(404);
    assertThat(get("/api/projects/" + id, token("owner.hgt")).statusCode()).isEqualTo(200);
    assertThat(
            write(
                    "POST",
                    "/api/projects",
                    token("manager.nc"),
                    project(uniqueCode("360702"), "360702", "org-gz-energy", "赣州项目"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void ownerMayNotPatchButManagerMayAndAStaleVersionIs409() {
    String id = createAs("admin", "360113", "org-nc-metro", "九龙湖片区道路");

    HttpResponse<String> byOwner =
        write("PATCH", "/api/projects/" + id, token("owner.hgt"), "{\"version\":0,\"name\":\"x\"}");
    assertThat(byOwner.statusCode()).isEqualTo(403);
    assertThat(byOwner.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

    HttpResponse<String> byManager =
        write(
            "PATCH",
            "/api/projects/" + id,
            token("manager.nc"),
            "{\"version\":0,\"name\":\"九龙湖片区道路二期\"}");
    assertThat(byManager.statusCode()).isEqualTo(200);
    assertThat(json(byManager).get("name").asString()).isEqualTo("九龙湖片区道路二期");

    assertThat(
            write("PATCH", "/api/projects/" + id, token("admin"), "{\"version\":0,\"name\":\"y\"}")
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void ownerCorrectsAReportAndBothRevisionsAreKept() {
    String id = createAs("admin", "360113", "org-nc-metro", "红谷滩污水处理厂");
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    String path = "/api/projects/" + id + "/progress-reports/" + period;

    HttpResponse<String> first =
        write(
            "PUT",
            path,
            token("owner.hgt"),
            "{\"investmentCompleted\":100.5,\"physicalProgressPercent\":10,\"workersOnSite\":80,"
                + "\"siteState\":\"WORKING\",\"note\":\"基坑开挖\"}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    HttpResponse<String> correction =
        write(
            "PUT",
            path,
            token("owner.hgt"),
            "{\"investmentCompleted\":120.75,\"physicalProgressPercent\":12,\"workersOnSite\":85,"
                + "\"siteState\":\"WORKING\",\"note\":\"更正：基坑开挖完成\"}");
    assertThat(correction.statusCode()).isEqualTo(200);
    assertThat(json(correction).get("revision").asInt()).isEqualTo(2);

    JsonNode revisions = json(get(path + "/revisions", token("coord.nc")));
    assertThat(revisions).hasSize(2);
    assertThat(revisions.get(0).get("investmentCompleted").decimalValue())
        .isEqualByComparingTo("100.5");
    assertThat(revisions.get(1).get("note").asString()).isEqualTo("更正：基坑开挖完成");

    assertThat(
            write(
                    "PUT",
                    path,
                    token("coord.hgt"),
                    "{\"investmentCompleted\":1,\"physicalProgressPercent\":1,\"workersOnSite\":1,"
                        + "\"siteState\":\"WORKING\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(get(path + "/revisions", token("coord.gz")).statusCode()).isEqualTo(404);
  }

  static JsonNode child(JsonNode dashboard, String regionCode) {
    for (JsonNode child : dashboard.get("children")) {
      if (child.get("regionCode").asString().equals(regionCode)) {
        return child;
      }
    }
    throw new AssertionError("no child " + regionCode + " in " + dashboard);
  }

  @Test
  void theCityDashboardMovesByTheTestsOwnProjectAndIsScoped() {
    int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
    String path = "/api/dashboard?regionCode=360100&year=" + year;
    HttpResponse<String> beforeAnswer = get(path, token("manager.nc"));
    assertThat(beforeAnswer.statusCode()).as(beforeAnswer.body()).isEqualTo(200);
    JsonNode before = json(beforeAnswer);

    String id = createAs("manager.nc", "360113", "org-nc-metro", "红谷滩看板测试项目");
    HttpResponse<String> plan =
        write(
            "PUT",
            "/api/projects/" + id + "/plans/" + year,
            token("manager.nc"),
            "{\"plannedInvestment\":1000.5}");
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);

    JsonNode after = json(get(path, token("manager.nc")));
    assertThat(after.get("projects").asLong() - before.get("projects").asLong()).isEqualTo(1);
    assertThat(
            after.get("byStatus").get("UNDER_CONSTRUCTION").asLong()
                - before.get("byStatus").get("UNDER_CONSTRUCTION").asLong())
        .isEqualTo(1);
    assertThat(
            after
                .get("plannedInvestment")
                .decimalValue()
                .subtract(before.get("plannedInvestment").decimalValue()))
        .isEqualByComparingTo("1000.5");
    assertThat(
            child(after, "360113").get("projects").asLong()
                - child(before, "360113").get("projects").asLong())
        .isEqualTo(1);
    // "coordination not slackened" comes from the real issue-service, and moves with a new blocker
    JsonNode coordination = after.get("fiveNots").get("coordination");
    assertThat(coordination.get("available").asBoolean()).as(coordination.toString()).isTrue();
    IssuesE2ETests.report(id, "看板协调计数测试");
    JsonNode later = json(get(path, token("manager.nc"))).get("fiveNots").get("coordination");
    assertThat(later.get("received").asLong()).isEqualTo(coordination.get("received").asLong() + 1);

    assertThat(get(path, token("owner.hgt")).statusCode()).isEqualTo(403);
    assertThat(get(path, token("coord.gz")).statusCode()).isEqualTo(404);
  }

  @Test
  void aMalformedRegionImportIsRefusedWithItsReasons() {
    HttpResponse<String> refused =
        write(
            "POST",
            "/api/regions/import",
            token("admin"),
            """
            [{"code":"110000","name":"北京市","level":"PROVINCE","parent":null},
             {"code":"110101","name":"东城区","level":"COUNTY","parent":"110100"}]
            """);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(refused).get("errors").get(0).get("message").asString())
        .isEqualTo("110101: parent 110100 is not listed");
    assertThat(get("/api/regions/110000", token("admin")).statusCode()).isEqualTo(404);
    assertThat(write("POST", "/api/regions/import", token("manager.jx"), "[]").statusCode())
        .isEqualTo(403);
  }
}
