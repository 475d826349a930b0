package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.honggutanProject;
import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.write;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API3 (mass assignment), through the gateway: owners', coordinators' and admins' bodies
 * carrying what only the server decides — status, level, handlingRegion, warning, version, another
 * organisation, ids, numbers, actors, times, revisions, timelines — are answered exactly as the
 * same body without them (the extra fields are ignored), a region of another city where the body
 * may name a region is refused (400 problem), and the read-back (the API, and the stored document
 * where the API does not show a field) shows none of them stored.
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

  /**
   * What a coordinator's or admin's body may try to set on anything: the case's own fields, another
   * city's region and organisation, actors and times, a timeline, an outbox event.
   */
  private static final String FOREIGN_FIELDS =
      """
      {"id":"000000000000000000000009","number":"JX-2026-999998","status":"CLOSED",
      "level":"PROVINCE","handlingRegion":"360702","regionsPassed":["360702"],
      "warning":{"level":"RED","reasons":["伪造"]},"supervised":true,"version":42,
      "policyVersion":9,"acceptDueAt":"2030-01-01T00:00:00Z","dueAt":"2030-01-01T00:00:00Z",
      "reporter":"owner.zg","reporterOrg":"org-gz-energy","org":"org-gz-energy",
      "projectRegion":"360702","regionCode":"360702","createdAt":"2020-01-01T00:00:00Z",
      "createdBy":"coord.jx","updatedAt":"2020-01-01T00:00:00Z","updatedBy":"coord.jx",
      "resolvedAt":"2020-01-02T00:00:00Z","closedAt":"2020-01-03T00:00:00Z","resolution":"伪造",
      "actor":"coord.jx","by":"coord.jx","at":"2020-01-01T00:00:00Z","organiser":"coord.jx",
      "timeline":[{"type":"CLOSED","actor":"coord.jx"}],"outbox":[{"eventId":"forged"}]}""";

  /**
   * A body of the operation's own fields plus every foreign one it does not have (each key once: a
   * key twice is refused as hostile input by itself); the first object's keys win.
   */
  private static String withForeignFields(String own, String... more) {
    ObjectNode body = (ObjectNode) Platform.JSON.readTree(own);
    List<String> others = new ArrayList<>(List.of(more));
    others.add(FOREIGN_FIELDS);
    for (String other : others) {
      for (Map.Entry<String, JsonNode> field : Platform.JSON.readTree(other).properties()) {
        if (!body.has(field.getKey())) {
          body.set(field.getKey(), field.getValue());
        }
      }
    }
    return body.toString();
  }

  private static JsonNode acted(String id, String action, String user, String own) {
    HttpResponse<String> answer =
        write(
            "POST", "/api/issues/" + id + "/" + action, token(user), withForeignFields(own), null);
    assertThat(answer.statusCode()).as(action + " " + answer.body()).isEqualTo(200);
    return json(answer);
  }

  /** What no body may have changed on a case of Honggutan that owner.hgt reported. */
  private static void stillItsOwn(JsonNode issue, JsonNode submitted) {
    assertThat(issue.get("id").asString()).isEqualTo(submitted.get("id").asString());
    assertThat(issue.get("number").asString()).isEqualTo(submitted.get("number").asString());
    assertThat(issue.get("reporter").asString()).isEqualTo(OWNER);
    assertThat(issue.get("reporterOrg").asString()).isEqualTo("org-nc-metro");
    assertThat(issue.get("projectRegion").asString()).isEqualTo("360113");
    assertThat(issue.get("supervised").asBoolean()).isFalse();
    assertThat(issue.get("policyVersion").asInt())
        .isEqualTo(submitted.get("policyVersion").asInt());
    assertThat(issue.get("createdAt").asString()).isEqualTo(submitted.get("createdAt").asString());
    assertThat(issue.get("dueAt").asString()).doesNotStartWith("2030");
    assertThat(issue.get("version").asLong()).isNotEqualTo(42);
    assertThat(issue.toString()).doesNotContain("伪造").doesNotContain("2020-01-0");
  }

  @Test
  void coordinatorsCaseActionsIgnoreEveryServerFieldInTheirBodies() {
    String projectId = honggutanProject("越权字段-办理").get("id").asString();
    String id = IssuesE2ETests.report(projectId, "越权字段-办理");
    String path = "/api/issues/" + id;
    JsonNode submitted = read(path, OWNER);

    JsonNode accepted = acted(id, "accept", "coord.hgt", "{}");
    assertThat(accepted.get("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(accepted.get("level").asString()).isEqualTo("COUNTY");
    assertThat(accepted.get("handlingRegion").asString()).isEqualTo("360113");
    stillItsOwn(read(path, "coord.hgt"), submitted);

    JsonNode escalated = acted(id, "escalate", "coord.hgt", "{\"reason\":\"需市级统筹\"}");
    assertThat(escalated.get("status").asString()).isEqualTo("OPEN");
    assertThat(escalated.get("level").asString()).isEqualTo("CITY");
    assertThat(escalated.get("handlingRegion").asString()).isEqualTo("360100");
    assertThat(escalated.get("regionsPassed").toString()).doesNotContain("360702");
    // the city named in the body sees nothing of it, Nanchang does
    assertThat(get(path, token("coord.zg")).statusCode()).isEqualTo(404);
    assertThat(get(path, token("coord.gz")).statusCode()).isEqualTo(404);
    stillItsOwn(read(path, "coord.nc"), submitted);

    JsonNode returned = acted(id, "return", "coord.nc", "{\"instruction\":\"请区级先协调\"}");
    assertThat(returned.get("status").asString()).isEqualTo("OPEN");
    assertThat(returned.get("level").asString()).isEqualTo("COUNTY");
    assertThat(returned.get("handlingRegion").asString()).isEqualTo("360113");

    acted(id, "accept", "coord.hgt", "{}");
    JsonNode resolved = acted(id, "resolve", "coord.hgt", "{\"resolution\":\"区征迁办已协调完毕\"}");
    assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
    assertThat(resolved.get("resolution").asString()).isEqualTo("区征迁办已协调完毕");
    assertThat(resolved.get("resolvedAt").asString()).doesNotStartWith("2020");
    assertThat(resolved.path("closedAt").isMissingNode() || resolved.path("closedAt").isNull())
        .as("closedAt")
        .isTrue();
    stillItsOwn(read(path, OWNER), submitted);

    // the timeline is the real one: each entry by the caller who acted, none from a body
    JsonNode timeline = read(path + "/timeline", OWNER);
    List<String> entries = new ArrayList<>();
    timeline.forEach(e -> entries.add(e.get("type").asString() + " " + e.get("actor").asString()));
    assertThat(entries)
        .containsExactly(
            "SUBMITTED owner.hgt",
            "ACCEPTED coord.hgt",
            "ESCALATED coord.hgt",
            "RETURNED coord.nc",
            "ACCEPTED coord.hgt",
            "RESOLVED coord.hgt");
    assertThat(timeline.toString()).doesNotContain("2020-01-0").doesNotContain("coord.jx");
    assertThat(read(path + "/timeline/verify", OWNER).get("intact").asBoolean()).isTrue();
  }

  @Test
  void aMeetingAndItsDecisionsCannotNameTheirOrganiserStatusOrAnotherCitysRegion() {
    String projectId = honggutanProject("越权字段-会议").get("id").asString();
    String issueId = IssuesE2ETests.report(projectId, "越权字段-会议");
    String title = "越权字段-协调会-" + ThreadLocalRandom.current().nextInt(1_000_000);
    Instant scheduled = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String own =
        """
        {"title":"%s","regionCode":"%s","scheduledAt":"%s","attendees":["coord.hgt"],
         "issueIds":["%s"],"decisions":[{"id":"d-forged","issueId":"%s","decision":"伪造",
         "status":"DONE","doneBy":"coord.jx"}]}""";

    // a region of another city is refused, and nothing is stored for it
    HttpResponse<String> elsewhere =
        write(
            "POST",
            "/api/coordination-meetings",
            token("coord.nc"),
            withForeignFields(own.formatted(title, "360700", scheduled, issueId, issueId)),
            null);
    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
    assertThat(elsewhere.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(elsewhere).get("errors").toString()).contains("regionCode");

    HttpResponse<String> created =
        write(
            "POST",
            "/api/coordination-meetings",
            token("coord.nc"),
            withForeignFields(own.formatted(title, "360100", scheduled, issueId, issueId)),
            null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String meetingId = json(created).get("id").asString();
    assertThat(meetingId).isNotEqualTo("000000000000000000000009");
    String path = "/api/coordination-meetings/" + meetingId;
    JsonNode meeting = read(path, "coord.nc");
    assertThat(meeting.get("organiser").asString()).isEqualTo("coord.nc");
    assertThat(meeting.get("regionCode").asString()).isEqualTo("360100");
    assertThat(meeting.get("status").asString()).isEqualTo("OPEN");
    assertThat(meeting.get("decisions")).isEmpty();
    assertThat(meeting.get("createdAt").asString()).doesNotStartWith("2020");
    assertThat(meeting.get("version").asLong()).isNotEqualTo(42);
    // the province sees exactly one meeting of that title: the Nanchang one
    JsonNode all = read("/api/coordination-meetings?size=100", "coord.jx");
    List<String> regions = new ArrayList<>();
    all.get("content")
        .forEach(
            m -> {
              if (title.equals(m.get("title").asString())) {
                regions.add(m.get("regionCode").asString());
              }
            });
    assertThat(regions).containsExactly("360100");

    String due = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String decision =
        """
        {"issueId":"%s","decision":"征迁资金三日内到位","responsibleUnit":"红谷滩区征迁办",%s
         "dueAt":"%s","recordedBy":"coord.jx","recordedAt":"2020-01-01T00:00:00Z",
         "doneAt":"2020-01-02T00:00:00Z","doneBy":"coord.jx","overdue":true}""";
    HttpResponse<String> foreignRegion =
        write(
            "POST",
            path + "/decisions",
            token("coord.nc"),
            withForeignFields(
                decision.formatted(issueId, "\"responsibleRegion\":\"360702\",", due)),
            null);
    assertThat(foreignRegion.statusCode()).as(foreignRegion.body()).isEqualTo(400);
    assertThat(json(foreignRegion).get("errors").toString()).contains("responsibleRegion");
    HttpResponse<String> decided =
        write(
            "POST",
            path + "/decisions",
            token("coord.nc"),
            withForeignFields(decision.formatted(issueId, "", due)),
            null);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);

    JsonNode decisions = read(path, "coord.nc").get("decisions");
    assertThat(decisions).hasSize(1);
    JsonNode d = decisions.get(0);
    assertThat(d.get("id").asString()).isNotEqualTo("d-forged");
    assertThat(d.get("recordedBy").asString()).isEqualTo("coord.nc");
    assertThat(d.get("status").asString()).isEqualTo("OPEN");
    assertThat(d.get("overdue").asBoolean()).isFalse();
    assertThat(d.path("doneBy").isMissingNode() || d.path("doneBy").isNull()).as("doneBy").isTrue();
    assertThat(d.get("responsibleRegion").asString()).isEqualTo("360113");
    assertThat(d.toString()).doesNotContain("2020-01-0").doesNotContain("coord.jx");
    assertThat(read(path, "coord.nc").get("status").asString()).isEqualTo("OPEN");
  }

  @Test
  void aCaseGroupCannotNameItsCreatorRegionMeetingsOrDecisions() {
    String projectId = honggutanProject("越权字段-并案").get("id").asString();
    String a = IssuesE2ETests.report(projectId, "越权字段-并案一");
    String b = IssuesE2ETests.report(projectId, "越权字段-并案二");
    HttpResponse<String> created =
        write(
            "POST",
            "/api/case-groups",
            token("coord.hgt"),
            withForeignFields(
                """
                {"caseIds":["%s","%s"],"title":"越权字段-并案","score":99,"reasons":["伪造"],
                 "meetingIds":["000000000000000000000009"],"removed":[{"issueId":"x"}],
                 "decisions":[{"id":"d-forged","decision":"伪造"}],"category":"FUNDING"}"""
                    .formatted(a, b)),
            null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(id).isNotEqualTo("000000000000000000000009");

    JsonNode group = read("/api/case-groups/" + id, "coord.hgt");
    assertThat(group.get("createdBy").asString()).isEqualTo("coord.hgt");
    assertThat(group.get("regionCode").asString()).isEqualTo("360113");
    assertThat(group.get("category").asString()).isEqualTo("DEMOLITION");
    assertThat(group.get("meetingIds")).isEmpty();
    assertThat(group.get("decisions")).isEmpty();
    assertThat(group.get("removed")).isEmpty();
    assertThat(group.get("cases")).hasSize(2);
    assertThat(group.get("createdAt").asString()).doesNotStartWith("2020");
    assertThat(group.toString()).doesNotContain("伪造").doesNotContain("coord.jx");
    // the city named in the body sees nothing of it
    assertThat(get("/api/case-groups/" + id, token("coord.zg")).statusCode()).isEqualTo(404);
  }

  private static String projectBody(String code, String name, String status) {
    return """
        {"code":"%s","name":"%s","level":"CITY","regionCode":"360113","industry":"ENERGY",
         "ownerOrg":"org-nc-metro","ownerOrgName":"南昌轨道交通集团","totalInvestment":5000,
         "plannedStart":"2031-03-01","plannedFinish":"2033-12-31","status":"%s",
         "description":"越权字段"}"""
        .formatted(code, name, status);
  }

  private static String projectCode() {
    return "2031-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
  }

  private static Document storedProject(String id) {
    try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
      Document doc =
          mongo
              .getDatabase("projects")
              .getCollection("projects")
              .find(Filters.eq("_id", new ObjectId(id)))
              .first();
      assertThat(doc).as("project " + id + " stored").isNotNull();
      return doc;
    }
  }

  @Test
  void anAdminsProjectBodiesCannotSetItsIdWarningActualStartVersionOrTimes() {
    String projectFields =
        """
        {"warning":{"level":"RED","reasons":["伪造"]},"warningSeverity":3,"actualStart":"2020-01-01",
         "previousReport":{"state":"LATE"},"investmentAtRisk":999,"outbox":[{"eventId":"forged"}]}""";
    HttpResponse<String> plainAnswer =
        write(
            "POST",
            "/api/projects",
            token("admin"),
            projectBody(projectCode(), "越权字段-普通项目", "PLANNED"),
            null);
    assertThat(plainAnswer.statusCode()).as(plainAnswer.body()).isEqualTo(201);
    JsonNode plain = json(plainAnswer);
    String body = projectBody(projectCode(), "越权字段-夹带项目", "PLANNED");
    HttpResponse<String> hostileAnswer =
        write(
            "POST", "/api/projects", token("admin"), withForeignFields(body, projectFields), null);
    assertThat(hostileAnswer.statusCode()).as(hostileAnswer.body()).isEqualTo(201);
    String id = json(hostileAnswer).get("id").asString();
    assertThat(id).isNotEqualTo("000000000000000000000009");

    JsonNode stored = read("/api/projects/" + id, "admin");
    assertThat(stored.get("regionCode").asString()).isEqualTo("360113");
    assertThat(stored.get("status").asString()).isEqualTo("PLANNED");
    assertThat(stored.path("actualStart").isMissingNode() || stored.path("actualStart").isNull())
        .as("actualStart")
        .isTrue();
    assertThat(String.valueOf(stored.get("warning")))
        .isEqualTo(
            String.valueOf(
                read("/api/projects/" + plain.get("id").asString(), "admin").get("warning")));
    assertThat(stored.get("version").asLong()).isLessThan(42);
    assertThat(stored.toString()).doesNotContain("伪造").doesNotContain("2020-01-0");
    Document doc = storedProject(id);
    assertThat(doc.get("createdAt").toString()).doesNotContain("2020");
    assertThat(doc.getInteger("warningSeverity"))
        .isEqualTo(storedProject(plain.get("id").asString()).getInteger("warningSeverity"));
    assertThat(String.valueOf(doc.get("outbox"))).doesNotContain("forged");
    assertThat(doc.containsKey("createdBy")).isFalse();
    assertThat(doc.containsKey("org")).isFalse();

    // a PATCH carrying the same: the name changes, nothing the server decides does
    long version = stored.get("version").asLong();
    HttpResponse<String> patched =
        write(
            "PATCH",
            "/api/projects/" + id,
            token("admin"),
            withForeignFields(
                // the project's own level, region and status as they are: the body's case fields
                // of the same names would be a legitimate change here
                """
                {"version":%d,"name":"越权字段-改名","level":"CITY","regionCode":"360113",
                 "status":"PLANNED"}"""
                    .formatted(version),
                projectFields),
            null);
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode after = read("/api/projects/" + id, "admin");
    assertThat(after.get("name").asString()).isEqualTo("越权字段-改名");
    assertThat(after.get("id").asString()).isEqualTo(id);
    assertThat(after.path("actualStart").isMissingNode() || after.path("actualStart").isNull())
        .as("actualStart")
        .isTrue();
    assertThat(String.valueOf(after.get("warning")))
        .isEqualTo(String.valueOf(stored.get("warning")));
    assertThat(after.get("version").asLong()).isGreaterThan(version).isLessThan(42);
    assertThat(after.toString()).doesNotContain("伪造").doesNotContain("2020-01-0");
    Document patchedDoc = storedProject(id);
    assertThat(patchedDoc.get("createdAt")).isEqualTo(doc.get("createdAt"));
    assertThat(String.valueOf(patchedDoc.get("outbox"))).doesNotContain("forged");

    // a manager of Nanchang may not move it to another city
    HttpResponse<String> moved =
        write(
            "PATCH",
            "/api/projects/" + id,
            token("manager.nc"),
            "{\"version\":%d,\"regionCode\":\"360702\"}".formatted(version + 1),
            null);
    assertThat(moved.statusCode()).as(moved.body()).isIn(400, 403);
    assertThat(moved.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(read("/api/projects/" + id, "admin").get("regionCode").asString())
        .isEqualTo("360113");
  }

  @Test
  void adminSettingsAndPreferencesIgnoreServerFieldsInTheirBodies() {
    // warning rules: one document, "current", whatever id the body names
    JsonNode rules = read("/api/warning-rules", "admin");
    String rulesBody =
        withForeignFields(rules.toString().replace("\"id\":\"current\"", "\"id\":\"forged\""));
    HttpResponse<String> putRules =
        write("PUT", "/api/warning-rules", token("admin"), rulesBody, null);
    assertThat(putRules.statusCode()).as(putRules.body()).isEqualTo(200);
    assertThat(read("/api/warning-rules", "admin")).isEqualTo(rules);

    // the escalation policy: its next version and its author are the server's
    JsonNode policy = read("/api/escalation-policy", "admin");
    int version = policy.get("version").asInt();
    String policyBody =
        """
        {"id":99,"createdAt":"2020-01-01T00:00:00Z","createdBy":"coord.jx","by":"coord.jx",
         "version":%d,"acceptWorkingDays":%d,"resolveWorkingDays":%s}"""
            .formatted(
                version,
                policy.get("acceptWorkingDays").asInt(),
                policy.get("resolveWorkingDays").toString());
    HttpResponse<String> putPolicy =
        write("PUT", "/api/escalation-policy", token("admin"), policyBody, null);
    assertThat(putPolicy.statusCode()).as(putPolicy.body()).isEqualTo(200);
    JsonNode next = read("/api/escalation-policy", "admin");
    assertThat(next.get("version").asInt()).isEqualTo(version + 1);
    assertThat(next.get("resolveWorkingDays")).isEqualTo(policy.get("resolveWorkingDays"));
    try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
      Document stored =
          mongo
              .getDatabase("issues")
              .getCollection("escalation_policies")
              .find(Filters.eq("_id", version + 1))
              .first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("createdBy")).isEqualTo("admin");
      assertThat(stored.get("createdAt").toString()).doesNotContain("2020");
      assertThat(
              mongo
                  .getDatabase("issues")
                  .getCollection("escalation_policies")
                  .countDocuments(Filters.eq("_id", 99)))
          .isZero();
    }

    // a calendar is the path's year; the body's year, author and time are not taken
    JsonNode year2030 = read("/api/calendars/2030", "admin");
    HttpResponse<String> putCalendar =
        write(
            "PUT",
            "/api/calendars/2029",
            token("admin"),
            withForeignFields(
                """
                {"year":2030,"holidays":["2029-10-01"],"workingDays":[],"source":"越权字段"}"""),
            null);
    assertThat(putCalendar.statusCode()).as(putCalendar.body()).isEqualTo(200);
    JsonNode year2029 = read("/api/calendars/2029", "admin");
    assertThat(year2029.get("year").asInt()).isEqualTo(2029);
    assertThat(year2029.get("holidays").toString()).isEqualTo("[\"2029-10-01\"]");
    assertThat(read("/api/calendars/2030", "admin")).isEqualTo(year2030);
    try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
      Document stored =
          mongo
              .getDatabase("issues")
              .getCollection("calendars")
              .find(Filters.eq("_id", 2029))
              .first();
      assertThat(stored).isNotNull();
      assertThat(stored.getString("updatedBy")).isEqualTo("admin");
      assertThat(stored.get("updatedAt").toString()).doesNotContain("2020");
    }

    // notification preferences are the caller's own: the body's username and time are not taken
    JsonNode others = read("/api/notification-preferences", "coord.jx");
    JsonNode mine = read("/api/notification-preferences", "coord.gz");
    String prefs =
        mine.toString()
            .replaceFirst("\"username\":\"[^\"]*\"", "\"username\":\"coord.jx\"")
            .replaceFirst(
                "\"updatedAt\":(null|\"[^\"]*\")", "\"updatedAt\":\"2020-01-01T00:00:00Z\"");
    HttpResponse<String> putPrefs =
        write(
            "PUT",
            "/api/notification-preferences",
            token("coord.gz"),
            withForeignFields(prefs),
            null);
    assertThat(putPrefs.statusCode()).as(putPrefs.body()).isEqualTo(200);
    JsonNode saved = read("/api/notification-preferences", "coord.gz");
    assertThat(saved.get("username").asString()).isEqualTo("coord.gz");
    assertThat(saved.get("updatedAt").asString()).doesNotStartWith("2020");
    assertThat(saved.get("channels")).isEqualTo(mine.get("channels"));
    assertThat(read("/api/notification-preferences", "coord.jx")).isEqualTo(others);
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
