package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same blocker across projects, handled once, through the gateway: three owner organisations of
 * 红谷滩区 report one grid-connection hold-up, the county finds and confirms the group, holds one
 * meeting, decides once for all, and each case stays open until the decision is done.
 */
class CaseGroupsE2ETests {

  static HttpResponse<String> write(String method, String path, String user, String body) {
    return IssuesE2ETests.write(method, path, token(user), body, null);
  }

  /** An owner of {@code org} in 红谷滩区 (password demo), created once through Keycloak's admin API. */
  static String owner(String username, String org) {
    if (json(KeycloakAdmin.call(
            "GET", "/majorprojects/users?exact=true&username=" + username, null))
        .isEmpty()) {
      String id =
          KeycloakAdmin.createdId(
              KeycloakAdmin.call(
                  "POST",
                  "/majorprojects/users",
                  Map.of(
                      "username",
                      username,
                      "enabled",
                      true,
                      "emailVerified",
                      true,
                      "firstName",
                      "红谷滩",
                      "lastName",
                      "业主",
                      "email",
                      username + "@demo.majorprojects.local",
                      "attributes",
                      Map.of("region", List.of("360113"), "org", List.of(org)),
                      "credentials",
                      List.of(Map.of("type", "password", "value", "demo", "temporary", false)))));
      JsonNode role = json(KeycloakAdmin.call("GET", "/majorprojects/roles/owner", null));
      KeycloakAdmin.call(
          "POST",
          "/majorprojects/users/" + id + "/role-mappings/realm",
          List.of(Map.of("id", role.get("id").asString(), "name", "owner")));
    }
    return username;
  }

  static String project(String name, String org) {
    String code = "2026-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    HttpResponse<String> created =
        write(
            "POST",
            "/api/projects",
            "admin",
            """
            {"code":"%s","name":"%s","level":"CITY","regionCode":"360113","industry":"URBAN",
             "ownerOrg":"%s","ownerOrgName":"%s","totalInvestment":50000,
             "plannedStart":"2026-03-01","plannedFinish":"2028-12-31",
             "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
                .formatted(code, name, org, name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  static String report(String owner, String projectId, String title, String description) {
    HttpResponse<String> created =
        write(
            "POST",
            "/api/issues",
            owner,
            """
            {"projectId":"%s","title":"%s","description":"%s","category":"ENERGY","urgency":"NORMAL"}"""
                .formatted(projectId, title, description));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  @Test
  void threeOwnersSameCauseIsFoundConfirmedMetDecidedOnceAndHoldsEachCaseUntilDone() {
    String water = owner("owner.hgt-water", "org-nc-water");
    String gas = owner("owner.hgt-gas", "org-nc-gas");
    List<String> cases =
        List.of(
            report(
                "owner.hgt",
                IssuesE2ETests.honggutanProject(),
                "九龙湖110千伏变电站间隔未批复",
                "国网南昌供电公司对九龙湖110千伏变电站扩建间隔尚未批复，管廊用电接入方案无法出具。"),
            report(
                water,
                project("九龙湖水厂", "org-nc-water"),
                "用电接入卡在九龙湖变电站间隔",
                "申请接入九龙湖110千伏变电站，国网南昌供电公司答复需等间隔扩建批复，接入方案未出。"),
            report(
                gas,
                project("九龙湖燃气门站", "org-nc-gas"),
                "九龙湖变电站扩建间隔未批，无法接电",
                "九龙湖110千伏变电站间隔扩建方案国网南昌供电公司未批复，门站接入不了电网。"));

    // found: one suggested group holds all three, with its reasons
    HttpResponse<String> found = get("/api/issues/clusters?regionCode=360113", token("coord.nc"));
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    JsonNode cluster = null;
    for (JsonNode c : json(found).get("clusters")) {
      List<String> ids = new ArrayList<>();
      c.get("cases").forEach(k -> ids.add(k.get("id").asString()));
      if (ids.containsAll(cases)) {
        cluster = c;
      }
    }
    assertThat(cluster).as(found.body()).isNotNull();
    assertThat(cluster.get("reasons").toString()).contains("同类：用能", "同一县：红谷滩区", "文本相似度");
    assertThat(get("/api/issues/clusters?regionCode=360113", token("owner.hgt")).statusCode())
        .isEqualTo(403);
    assertThat(get("/api/issues/clusters?regionCode=360113", token("coord.gz")).statusCode())
        .isEqualTo(404);

    // confirmed by the county, one meeting for all three
    HttpResponse<String> confirmed =
        write(
            "POST",
            "/api/case-groups",
            "coord.hgt",
            "{\"title\":\"九龙湖变电站间隔\",\"caseIds\":[\"%s\",\"%s\",\"%s\"]}"
                .formatted(cases.get(0), cases.get(1), cases.get(2)));
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
    String group = json(confirmed).get("id").asString();
    assertThat(get("/api/case-groups/" + group, token("coord.gz")).statusCode()).isEqualTo(404);
    assertThat(
            write("POST", "/api/case-groups/" + group + "/meeting", "manager.nc", meeting())
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> meeting =
        write("POST", "/api/case-groups/" + group + "/meeting", "coord.hgt", meeting());
    assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
    assertThat(json(meeting).get("issueIds").size()).isEqualTo(3);

    // one decision for the group, on every case
    HttpResponse<String> decided =
        write(
            "POST",
            "/api/case-groups/" + group + "/decisions",
            "coord.hgt",
            """
            {"decision":"供电公司十日内批复间隔扩建","responsibleUnit":"国网南昌供电公司",
             "dueAt":"2026-12-31T09:00:00Z"}""");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    String decision = json(decided).get("id").asString();
    String[] owners = {"owner.hgt", water, gas};
    for (int i = 0; i < 3; i++) {
      String timeline = get("/api/issues/" + cases.get(i) + "/timeline", token(owners[i])).body();
      assertThat(timeline).contains("DECISION_RECORDED", "国网南昌供电公司");
    }

    // the water works' case is resolved but cannot be closed until the decision is done
    String waterCase = cases.get(1);
    assertThat(IssuesE2ETests.act(waterCase, "accept", "coord.hgt", "").statusCode())
        .isEqualTo(200);
    assertThat(
            IssuesE2ETests.act(waterCase, "resolve", "coord.hgt", "{\"resolution\":\"临时接电\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> early = IssuesE2ETests.act(waterCase, "confirm", water, "");
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);

    HttpResponse<String> done =
        write(
            "POST",
            "/api/case-groups/" + group + "/decisions/" + decision + "/done",
            "coord.hgt",
            "");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    HttpResponse<String> closed = IssuesE2ETests.act(waterCase, "confirm", water, "");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(json(closed).get("status").asString()).isEqualTo("CLOSED");
  }

  static String meeting() {
    return """
        {"title":"九龙湖变电站间隔专题协调会","scheduledAt":"2026-12-03T01:00:00Z",
         "attendees":["coord.hgt","owner.hgt"]}""";
  }
}
