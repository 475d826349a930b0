package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** issue-service through the gateway with real Keycloak tokens and the real project-service. */
class IssuesE2ETests {

  static HttpResponse<String> write(
      String method, String path, String token, String body, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(GATEWAY + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.build());
  }

  static String issueBody(String projectId, String title) {
    return """
        {"projectId":"%s","title":"%s","description":"征迁未完成，盾构无法进场",
         "category":"DEMOLITION","urgency":"URGENT"}"""
        .formatted(projectId, title);
  }

  @Test
  void the2026CalendarAndThePolicyAreServedAndOnlyAdminsChangeThem() {
    HttpResponse<String> calendar = get("/api/calendars/2026", token("coord.hgt"));
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(json(calendar).get("holidays").toString()).contains("2026-10-01");
    assertThat(json(calendar).get("workingDays").toString()).contains("2026-02-14");

    HttpResponse<String> policy = get("/api/escalation-policy", token("manager.jx"));
    assertThat(policy.statusCode()).isEqualTo(200);
    assertThat(json(policy).get("acceptWorkingDays").asInt()).isPositive();

    HttpResponse<String> refused =
        write(
            "PUT",
            "/api/escalation-policy",
            token("coord.jx"),
            """
            {"version":1,"acceptWorkingDays":1,"resolveWorkingDays":{
              "COUNTY":{"normal":5,"urgent":2},"CITY":{"normal":10,"urgent":5},
              "PROVINCE":{"normal":15,"urgent":7}}}""",
            null);
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void anUnknownProjectIs404NeverAServerError() {
    // exercises the real client-credentials token and project-service's /internal lookup
    HttpResponse<String> response =
        write("POST", "/api/issues", token("owner.hgt"), issueBody("no-such-project", "无"), null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void ownerReportsOnceUnderRetriesAndOnlyItsRegionsSeeIt() {
    String code = "2026-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    HttpResponse<String> project =
        write(
            "POST",
            "/api/projects",
            token("admin"),
            """
            {"code":"%s","name":"红谷滩综合管廊","level":"CITY","regionCode":"360113",
             "industry":"URBAN","ownerOrg":"org-nc-metro","ownerOrgName":"南昌地铁集团",
             "totalInvestment":120000.5,"plannedStart":"2026-03-01","plannedFinish":"2028-12-31",
             "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
                .formatted(code),
            null);
    // project creation comes from project-service's own branch; without it there is nothing to
    // report on
    assumeTrue(project.statusCode() == 201, "POST /api/projects not available here");
    String projectId = json(project).get("id").asString();

    String key = "e2e-" + code;
    HttpResponse<String> first =
        write("POST", "/api/issues", token("owner.hgt"), issueBody(projectId, "管廊征迁受阻"), key);
    assertThat(first.statusCode()).isEqualTo(201);
    JsonNode issue = json(first);
    assertThat(issue.get("number").asString()).matches("JX-\\d{4}-\\d{6}");
    assertThat(issue.get("status").asString()).isEqualTo("OPEN");
    assertThat(issue.get("level").asString()).isEqualTo("COUNTY");
    assertThat(issue.get("handlingRegion").asString()).isEqualTo("360113");

    HttpResponse<String> retry =
        write("POST", "/api/issues", token("owner.hgt"), issueBody(projectId, "管廊征迁受阻"), key);
    assertThat(json(retry).get("id").asString()).isEqualTo(issue.get("id").asString());
    HttpResponse<String> changed =
        write("POST", "/api/issues", token("owner.hgt"), issueBody(projectId, "别的内容"), key);
    assertThat(changed.statusCode()).isEqualTo(409);

    String path = "/api/issues/" + issue.get("id").asString();
    assertThat(get(path, token("coord.hgt")).statusCode()).isEqualTo(200);
    assertThat(get(path, token("coord.nc")).statusCode()).isEqualTo(200);
    assertThat(get(path, token("coord.gz")).statusCode()).isEqualTo(404);
    assertThat(get(path, token("owner.zg")).statusCode()).isEqualTo(404);

    HttpResponse<String> otherOrg =
        write("POST", "/api/issues", token("owner.zg"), issueBody(projectId, "越权"), null);
    assertThat(otherOrg.statusCode()).isEqualTo(404);
  }
}
