package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.honggutanProject;
import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.write;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API3 (mass assignment), through the gateway: an owner's bodies carrying what only the
 * server decides — status, level, handlingRegion, warning, version, another organisation, ids,
 * numbers, actors, times, revisions — are answered exactly as the same body without them (the extra
 * fields are ignored), and the read-back shows none of them stored.
 */
class MassAssignmentE2ETests {

  private static final String OWNER = "owner.hgt";

  /** Every server-computed field of a case, and another organisation's identity. */
  private static final String CASE_FIELDS =
      """
      "id":"000000000000000000000001","number":"JX-2026-999999","status":"RESOLVED",
      "level":"PROVINCE","handlingRegion":"360000","regionsPassed":["360113","360100"],
      "warning":{"level":"GREEN","reasons":[]},"supervised":true,"version":42,"policyVersion":9,
      "acceptDueAt":"2030-01-01T00:00:00Z","dueAt":"2030-01-01T00:00:00Z",
      "reporter":"owner.zg","reporterOrg":"org-gz-energy","org":"org-gz-energy",
      "ownerOrg":"org-gz-energy","projectRegion":"360702","projectName":"别人的项目",
      "createdAt":"2020-01-01T00:00:00Z","resolvedAt":"2020-01-02T00:00:00Z",
      "closedAt":"2020-01-03T00:00:00Z","resolution":"已解决","pendingExtensionRequests":[],
      "timeline":[],"outbox":[],"idempotencyKey":"stolen","requestHash":"x",""";

  /** Fields the server decides that must come out of an intake the same with or without them. */
  private static final List<String> DECIDED_BY_THE_SERVER =
      List.of(
          "status",
          "level",
          "handlingRegion",
          "regionsPassed",
          "supervised",
          "version",
          "policyVersion",
          "reporter",
          "reporterOrg",
          "projectRegion",
          "projectName",
          "resolvedAt",
          "closedAt",
          "resolution",
          "pendingExtensionRequests");

  @Test
  void anIntakeCarryingServerFieldsIsStoredExactlyLikeOneWithout() {
    String projectId = honggutanProject("越权字段-立案").get("id").asString();
    JsonNode plain = intake(IssuesE2ETests.issueBody(projectId, "越权字段-普通"));
    String hostileBody =
        IssuesE2ETests.issueBody(projectId, "越权字段-夹带").replaceFirst("\\{", "{" + CASE_FIELDS);
    JsonNode hostile = intake(hostileBody);

    assertThat(hostile.get("id").asString()).isNotEqualTo("000000000000000000000001");
    assertThat(hostile.get("number").asString())
        .matches("JX-\\d{4}-\\d{6}")
        .isNotEqualTo("JX-2026-999999");
    JsonNode stored = read("/api/issues/" + hostile.get("id").asString(), OWNER);
    for (String field : DECIDED_BY_THE_SERVER) {
      assertThat(String.valueOf(stored.get(field)))
          .as(field)
          .isEqualTo(String.valueOf(plain.get(field)));
    }
    assertThat(stored.get("status").asString()).isEqualTo("OPEN");
    assertThat(stored.get("handlingRegion").asString()).isEqualTo("360113");
    assertThat(stored.get("reporterOrg").asString()).isEqualTo("org-nc-metro");
    assertThat(stored.get("dueAt").asString()).doesNotStartWith("2030");
    assertThat(stored.get("createdAt").asString()).doesNotStartWith("2020");
    // its timeline is its own: one SUBMITTED by the owner, intact
    JsonNode timeline = read("/api/issues/" + hostile.get("id").asString() + "/timeline", OWNER);
    assertThat(timeline).hasSize(1);
    assertThat(timeline.get(0).get("type").asString()).isEqualTo("SUBMITTED");
    assertThat(timeline.get(0).get("actor").asString()).isEqualTo(OWNER);
    // the other organisation named in the body sees nothing of it
    assertThat(get("/api/issues/" + hostile.get("id").asString(), token("owner.zg")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aMessageCannotNameItsAuthorTimeOrSequence() {
    String projectId = honggutanProject("越权字段-留言").get("id").asString();
    String id = IssuesE2ETests.report(projectId, "越权字段-留言");
    HttpResponse<String> posted =
        write(
            "POST",
            "/api/issues/" + id + "/messages",
            token(OWNER),
            """
            {"body":"请协调征迁","actor":"coord.jx","author":"coord.jx","at":"2020-01-01T00:00:00Z",
             "createdAt":"2020-01-01T00:00:00Z","sequence":1,"hash":"0","previousHash":"0",
             "type":"RESOLVED","status":"CLOSED","version":7}""",
            null);
    assertThat(posted.statusCode()).as(posted.body()).isIn(200, 201);

    JsonNode timeline = read("/api/issues/" + id + "/timeline", OWNER);
    assertThat(timeline).hasSize(2);
    JsonNode message = timeline.get(1);
    assertThat(message.get("type").asString()).isEqualTo("MESSAGE_POSTED");
    assertThat(message.get("actor").asString()).isEqualTo(OWNER);
    assertThat(message.get("sequence").asInt()).isEqualTo(2);
    assertThat(message.toString()).doesNotContain("2020-01-01");
    assertThat(read("/api/issues/" + id + "/timeline/verify", OWNER).get("intact").asBoolean())
        .isTrue();
    assertThat(read("/api/issues/" + id, OWNER).get("status").asString()).isEqualTo("OPEN");
  }

  @Test
  void aProgressReportCannotSetItsRevisionLatenessPeriodAuthorOrProject() {
    String projectId = honggutanProject("越权字段-月报").get("id").asString();
    String other = honggutanProject("越权字段-别的项目").get("id").asString();
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    String path = "/api/projects/" + projectId + "/progress-reports/" + period;
    String fields =
        "\"investmentCompleted\":100,\"physicalProgressPercent\":10,\"workersOnSite\":80,"
            + "\"siteState\":\"WORKING\",\"note\":\"%s\"";
    JsonNode first = report(path, "{" + fields.formatted("第一版") + "}");
    JsonNode hostile =
        report(
            path,
            ("{"
                    + fields
                    + ",\"projectId\":\"%s\",\"period\":\"2020-01\",\"revision\":99,\"late\":%s,"
                    + "\"submittedBy\":\"owner.zg\",\"submittedAt\":\"2020-01-01T00:00:00Z\","
                    + "\"firstSubmittedAt\":\"2020-01-01T00:00:00Z\",\"ownerOrg\":\"org-gz-energy\","
                    + "\"version\":42,\"status\":\"RETURNED\",\"correctionRequested\":null}")
                .formatted("第二版", other, !first.get("late").asBoolean()));

    JsonNode stored = read(path, OWNER);
    assertThat(stored.get("note").asString()).isEqualTo("第二版");
    assertThat(stored.get("projectId").asString()).isEqualTo(projectId);
    assertThat(stored.get("period").asString()).isEqualTo(period);
    assertThat(stored.get("revision").asInt()).isEqualTo(first.get("revision").asInt() + 1);
    assertThat(stored.get("late").asBoolean()).isEqualTo(first.get("late").asBoolean());
    assertThat(stored.get("submittedBy").asString()).isEqualTo(OWNER);
    assertThat(stored.get("firstSubmittedAt").asString())
        .isEqualTo(first.get("firstSubmittedAt").asString());
    assertThat(stored.get("submittedAt").asString()).doesNotStartWith("2020");
    assertThat(String.valueOf(hostile.get("revision")))
        .isEqualTo(String.valueOf(stored.get("revision")));
    // nothing was filed for the project named in the body
    assertThat(
            get("/api/projects/" + other + "/progress-reports/" + period, token(OWNER))
                .statusCode())
        .isEqualTo(404);
  }

  private static JsonNode intake(String body) {
    HttpResponse<String> created = write("POST", "/api/issues", token(OWNER), body, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  private static JsonNode report(String path, String body) {
    HttpResponse<String> filed = write("PUT", path, token(OWNER), body, null);
    assertThat(filed.statusCode()).as(filed.body()).isIn(200, 201);
    return json(filed);
  }

  private static JsonNode read(String path, String user) {
    HttpResponse<String> answer = get(path, token(user));
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    return json(answer);
  }
}
