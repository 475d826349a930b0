package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

  /** A project of org-nc-metro in Honggutan (360113), created by the admin. */
  static String honggutanProject() {
    return honggutanProject("红谷滩综合管廊").get("id").asString();
  }

  /** The same with a name of the caller's choosing; answers the created project. */
  static JsonNode honggutanProject(String name) {
    String code = "2026-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    HttpResponse<String> project =
        write(
            "POST",
            "/api/projects",
            token("admin"),
            """
            {"code":"%s","name":"%s","level":"CITY","regionCode":"360113",
             "industry":"URBAN","ownerOrg":"org-nc-metro","ownerOrgName":"南昌地铁集团",
             "totalInvestment":120000.5,"plannedStart":"2026-03-01","plannedFinish":"2028-12-31",
             "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
                .formatted(code, name),
            null);
    assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
    return json(project);
  }

  static String report(String projectId, String title) {
    HttpResponse<String> created =
        write("POST", "/api/issues", token("owner.hgt"), issueBody(projectId, title), null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  static HttpResponse<String> act(String id, String action, String user, String body) {
    return write("POST", "/api/issues/" + id + "/" + action, token(user), body, null);
  }

  @Test
  void ownerReportsOnceUnderRetriesAndOnlyItsRegionsSeeIt() {
    String projectId = honggutanProject();
    String key = "e2e-" + projectId;
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
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json(retry).get("id").asString()).isEqualTo(issue.get("id").asString());
    HttpResponse<String> changed =
        write("POST", "/api/issues", token("owner.hgt"), issueBody(projectId, "别的内容"), key);
    assertThat(changed.statusCode()).isEqualTo(409);

    String id = issue.get("id").asString();
    String path = "/api/issues/" + id;
    assertThat(get(path, token("coord.hgt")).statusCode()).isEqualTo(200);
    assertThat(get(path, token("coord.nc")).statusCode()).isEqualTo(200);
    assertThat(get(path, token("coord.gz")).statusCode()).isEqualTo(404);
    assertThat(get(path, token("owner.zg")).statusCode()).isEqualTo(404);
    // another region sees nothing under it either, and cannot act
    assertThat(get(path + "/timeline", token("coord.zg")).statusCode()).isEqualTo(404);
    assertThat(act(id, "accept", "coord.zg", "").statusCode()).isEqualTo(404);
    // a wrong role on an action is 403
    assertThat(act(id, "accept", "manager.nc", "").statusCode()).isEqualTo(403);
    assertThat(act(id, "escalate", "owner.hgt", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);

    HttpResponse<String> otherOrg =
        write("POST", "/api/issues", token("owner.zg"), issueBody(projectId, "越权"), null);
    assertThat(otherOrg.statusCode()).isEqualTo(404);

    HttpResponse<String> list = get("/api/issues?projectId=" + projectId, token("coord.gz"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json(list).get("totalElements").asInt()).isZero();
    HttpResponse<String> mine = get("/api/issues?projectId=" + projectId, token("manager.nc"));
    assertThat(json(mine).get("totalElements").asInt()).isEqualTo(1);
  }

  @Test
  void submitAcceptEscalateCityAcceptResolveConfirmWithAnIntactTimeline() throws Exception {
    String id = report(honggutanProject(), "管廊征迁资金缺口");
    String number = json(get("/api/issues/" + id, token("owner.hgt"))).get("number").asString();
    assertThat(act(id, "accept", "coord.hgt", "").statusCode()).isEqualTo(200);
    HttpResponse<String> escalated = act(id, "escalate", "coord.hgt", "{\"reason\":\"需市级统筹征迁资金\"}");
    assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
    assertThat(json(escalated).get("level").asString()).isEqualTo("CITY");
    assertThat(json(escalated).get("handlingRegion").asString()).isEqualTo("360100");
    assertThat(act(id, "accept", "coord.nc", "").statusCode()).isEqualTo(200);
    assertThat(act(id, "messages", "owner.hgt", "{\"body\":\"资金缺口约三千万元\"}").statusCode())
        .isEqualTo(201);
    HttpResponse<String> resolved =
        act(id, "resolve", "coord.nc", "{\"resolution\":\"市财政预拨征迁资金\"}");
    assertThat(json(resolved).get("status").asString()).isEqualTo("RESOLVED");
    HttpResponse<String> closed = act(id, "confirm", "owner.hgt", "");
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(json(closed).get("status").asString()).isEqualTo("CLOSED");

    JsonNode timeline = json(get("/api/issues/" + id + "/timeline", token("manager.jx")));
    List<String> types = new ArrayList<>();
    timeline.forEach(e -> types.add(e.get("type").asString()));
    assertThat(types)
        .containsExactly(
            "SUBMITTED",
            "ACCEPTED",
            "ESCALATED",
            "ACCEPTED",
            "MESSAGE_POSTED",
            "RESOLVED",
            "CLOSED");
    JsonNode verify = json(get("/api/issues/" + id + "/timeline/verify", token("owner.hgt")));
    assertThat(verify.get("intact").asBoolean()).isTrue();
    JsonNode messages = json(get("/api/issues/" + id + "/messages", token("coord.nc")));
    assertThat(messages.get("content").get(0).get("body").asString()).isEqualTo("资金缺口约三千万元");

    // the outbox relay carried the events to notification-service: the city's coordinator was told
    await("coord.nc has a notification about " + number)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> get("/api/notifications?size=100", token("coord.nc")).body().contains(number));
  }

  @Test
  void twentyParallelEscalationsLetExactlyOneThrough() throws Exception {
    String id = report(honggutanProject(), "并发升级");
    String token = token("coord.hgt");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(GATEWAY + "/api/issues/" + id + "/escalate"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"并发\"}"))
              .build();
      calls.add(Platform.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      statuses.add(call.get().statusCode());
    }
    assertThat(statuses).filteredOn(s -> s >= 200 && s < 300).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
    JsonNode timeline = json(get("/api/issues/" + id + "/timeline", token("coord.nc")));
    assertThat(timeline.size()).isEqualTo(2);
  }
}
