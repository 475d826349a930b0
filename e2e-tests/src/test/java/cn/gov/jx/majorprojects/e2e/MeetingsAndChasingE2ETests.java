package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Coordination meetings listed through the gateway, and chased: attendees hear of a new meeting, a
 * decision past its due date turns red and is reported by the sweep to its responsible region and
 * the organiser (issue-service's outbox → notification-service → their inboxes), once.
 */
class MeetingsAndChasingE2ETests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static List<String> inbox(String user, String issueId, String type) {
    HttpResponse<String> response = get("/api/notifications?size=100", token(user));
    List<String> found = new ArrayList<>();
    if (response.statusCode() != 200) {
      return found;
    }
    for (JsonNode n : json(response).get("content")) {
      if (issueId.equals(n.get("subjectId").asString()) && type.equals(n.get("type").asString())) {
        found.add(n.get("id").asString());
      }
    }
    return found;
  }

  static HttpResponse<String> post(String path, String user, String body) {
    return IssuesE2ETests.write("POST", path, token(user), body, null);
  }

  @Test
  void meetingsAreListedScopedAndAnOverdueDecisionIsChasedOnce() {
    String issue = IssuesE2ETests.report(IssuesE2ETests.honggutanProject(), "会议督办测试");
    HttpResponse<String> created =
        post(
            "/api/coordination-meetings",
            "coord.nc",
            """
            {"title":"红谷滩管廊专题协调会","regionCode":"360100","scheduledAt":"%s",
             "attendees":["manager.nc","coord.gz"],"issueIds":["%s"]}"""
                .formatted(Instant.now(), issue));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String meeting = json(created).get("id").asString();

    // listed for the region's users (newest first), not for a county of another city
    String today = LocalDate.now(SHANGHAI).toString();
    String query = "/api/coordination-meetings?from=" + today + "&to=" + today + "&status=OPEN";
    HttpResponse<String> listed = get(query, token("manager.jx"));
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    JsonNode first = json(listed).get("content").get(0);
    assertThat(first.get("id").asString()).isEqualTo(meeting);
    assertThat(first.get("caseCount").asInt()).isEqualTo(1);
    assertThat(first.get("decisionCounts").get("open").asInt()).isZero();
    // coord.zg neither covers 360100 nor attends (coord.gz attends, so it sees the meeting itself)
    assertThat(json(get(query, token("coord.zg"))).get("totalElements").asInt()).isZero();
    assertThat(get("/api/coordination-meetings?status=LATE", token("coord.nc")).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/coordination-meetings/" + meeting, token("coord.zg")).statusCode())
        .isEqualTo(404);

    // the named attendee who may see the case hears of the meeting; the other city's does not
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> inbox("manager.nc", issue, "MEETING_SCHEDULED"), n -> n.size() == 1);
    assertThat(inbox("coord.gz", issue, "MEETING_SCHEDULED")).isEmpty();

    // a decision already past its due date: red at once, reported by the next sweep
    HttpResponse<String> decided =
        post(
            "/api/coordination-meetings/" + meeting + "/decisions",
            "coord.nc",
            """
            {"issueId":"%s","decision":"区财政三日内预拨征迁资金","responsibleUnit":"红谷滩区财政局",
             "responsibleRegion":"360113","dueAt":"%s"}"""
                .formatted(issue, Instant.now().minus(Duration.ofHours(1))));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    assertThat(json(decided).get("overdue").asBoolean()).isTrue();
    JsonNode line = json(get(query, token("coord.nc"))).get("content").get(0);
    assertThat(line.get("decisionCounts").get("overdue").asInt()).isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> inbox("coord.hgt", issue, "DECISION_OVERDUE"), n -> n.size() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> inbox("coord.nc", issue, "DECISION_OVERDUE"), n -> n.size() == 1);
    // not the attendee, and never twice: a further sweep (30 s apart) adds nothing
    await()
        .during(Duration.ofSeconds(35))
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> inbox("coord.hgt", issue, "DECISION_OVERDUE"), n -> n.size() == 1);
    assertThat(inbox("manager.nc", issue, "DECISION_OVERDUE")).isEmpty();

    // on the responsible unit's accountability row this month
    String month = today.substring(0, 7);
    JsonNode rows =
        json(get(
                "/api/accountability?regionCode=360113&from=" + month + "&to=" + month,
                token("coord.hgt")))
            .get("rows");
    assertThat(rows.get(0).get("regionCode").asString()).isEqualTo("360113");
    assertThat(rows.get(0).get("decisionsOverdue").asInt()).isEqualTo(1);
  }
}
