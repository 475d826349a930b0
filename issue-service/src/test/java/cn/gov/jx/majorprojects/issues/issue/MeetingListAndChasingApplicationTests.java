package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The meetings' list, decisions chased past their due date, cases not accepted in time, and
 * bounces. Meetings here are scheduled in 2028 and listed with from/to, so other classes' meetings
 * in the shared database do not show.
 */
class MeetingListAndChasingApplicationTests extends CaseApplicationTestSupport {

  static final String MEETINGS = "/api/coordination-meetings";
  static final String MARCH_2028 = "from=2028-03-01&to=2028-03-31";

  @Autowired EscalationSweep sweep;

  String meeting(
      RequestPostProcessor organiser,
      String region,
      String scheduledAt,
      String attendees,
      String issueId)
      throws Exception {
    String json =
        postJson(
                MEETINGS,
                organiser,
                """
                {"title":"专题协调会 %s","regionCode":"%s","scheduledAt":"%s",
                 "attendees":[%s],"issueIds":["%s"]}"""
                    .formatted(scheduledAt, region, scheduledAt, attendees, issueId))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.id");
  }

  String decide(RequestPostProcessor by, String meeting, String issue, String region, String dueAt)
      throws Exception {
    String responsible = region == null ? "" : ",\"responsibleRegion\":\"" + region + "\"";
    String json =
        postJson(
                MEETINGS + "/" + meeting + "/decisions",
                by,
                """
                {"issueId":"%s","decision":"预拨征迁资金","responsibleUnit":"区财政局",
                 "dueAt":"%s"%s}"""
                    .formatted(issue, dueAt, responsible))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.overdue").value(false))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.id");
  }

  List<String> listed(String query, RequestPostProcessor user) throws Exception {
    String json =
        mvc.perform(get(MEETINGS + "?" + query).with(user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.content[*].id");
  }

  List<String> outboxTypes(String issue) {
    return stored(issue).getList("outbox", Document.class).stream()
        .map(e -> e.getString("type"))
        .toList();
  }

  Document outboxEvent(String issue, String type) {
    return stored(issue).getList("outbox", Document.class).stream()
        .filter(e -> type.equals(e.getString("type")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void meetingsAreListedNewestFirstAsEachCallerWouldSeeThemWithDecisionCounts() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "会议列表");
    String city =
        meeting(TestUsers.coordNc(), "360100", "2028-03-01T02:00:00Z", "\"owner.hgt\"", issue);
    String county = meeting(TestUsers.coordHgt(), "360113", "2028-03-05T02:00:00Z", "", issue);
    String first = decide(TestUsers.coordNc(), city, issue, null, "2028-03-10T02:00:00Z");
    decide(TestUsers.coordNc(), city, issue, "360100", "2028-03-20T02:00:00Z");

    // region users see their subtree's meetings, newest first; owners only those they attend
    assertThat(listed(MARCH_2028, TestUsers.coordNc())).containsExactly(county, city);
    assertThat(listed(MARCH_2028, TestUsers.managerJx())).containsExactly(county, city);
    assertThat(listed(MARCH_2028, TestUsers.coordHgt())).containsExactly(county);
    assertThat(listed(MARCH_2028, TestUsers.ownerHgt())).containsExactly(city);
    assertThat(listed(MARCH_2028, TestUsers.coordGz())).isEmpty();
    assertThat(listed(MARCH_2028, TestUsers.ownerZg())).isEmpty();
    assertThat(listed(MARCH_2028 + "&regionCode=360113", TestUsers.coordNc()))
        .containsExactly(county);
    assertThat(listed("from=2028-03-02&to=2028-03-05", TestUsers.coordNc()))
        .containsExactly(county);
    assertThat(listed(MARCH_2028 + "&size=1&page=1", TestUsers.coordNc())).containsExactly(city);

    mvc.perform(get(MEETINGS + "?" + MARCH_2028).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.totalElements").value(2))
        .andExpect(jsonPath("$.content[1].title").value("专题协调会 2028-03-01T02:00:00Z"))
        .andExpect(jsonPath("$.content[1].regionCode").value("360100"))
        .andExpect(jsonPath("$.content[1].scheduledAt").value("2028-03-01T02:00:00Z"))
        .andExpect(jsonPath("$.content[1].caseCount").value(1))
        .andExpect(jsonPath("$.content[1].status").value("OPEN"))
        .andExpect(jsonPath("$.content[1].decisionCounts.open").value(2))
        .andExpect(jsonPath("$.content[1].decisionCounts.done").value(0))
        .andExpect(jsonPath("$.content[1].decisionCounts.overdue").value(0))
        .andExpect(jsonPath("$.content[0].status").value("OPEN"))
        .andExpect(jsonPath("$.content[0].decisionCounts.open").value(0));

    // past the first decision's due date: it is red in the list and in the meeting
    clock.set(Instant.parse("2028-03-15T02:00:00Z"));
    // (360100's subtree holds both meetings; the city's is the older one)
    mvc.perform(get(MEETINGS + "?" + MARCH_2028 + "&regionCode=360100").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.content[1].id").value(city))
        .andExpect(jsonPath("$.content[1].decisionCounts.open").value(2))
        .andExpect(jsonPath("$.content[1].decisionCounts.overdue").value(1));
    mvc.perform(get(MEETINGS + "/" + city).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.decisions[0].overdue").value(true))
        .andExpect(jsonPath("$.decisions[1].overdue").value(false))
        .andExpect(jsonPath("$.decisions[1].responsibleRegion").value("360100"))
        // no responsibleRegion given: the case's holder answers for it
        .andExpect(jsonPath("$.decisions[0].responsibleRegion").value("360113"));

    // every decision done: the meeting is DONE
    String second =
        JsonPath.<List<String>>read(
                mvc.perform(get(MEETINGS + "/" + city).with(TestUsers.coordNc()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.decisions[*].id")
            .get(1);
    for (String decision : List.of(first, second)) {
      postJson(
              MEETINGS + "/" + city + "/decisions/" + decision + "/done", TestUsers.coordNc(), null)
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.overdue").value(false));
    }
    assertThat(listed(MARCH_2028 + "&status=DONE", TestUsers.coordNc())).containsExactly(city);
    assertThat(listed(MARCH_2028 + "&status=OPEN", TestUsers.coordNc())).containsExactly(county);
    mvc.perform(get(MEETINGS + "/" + city).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.status").value("DONE"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status=CLOSED",
        "from=2028-13-01",
        "to=yesterday",
        "from=2028-03-05&to=2028-03-01",
        "size=101",
        "size=0",
        "page=-1",
        "regionCode=999999"
      })
  void badListParametersAre400Problems(String query) throws Exception {
    mvc.perform(get(MEETINGS + "?" + query).with(TestUsers.coordNc()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void attendeesAreNamedOnTheCasesNoticeWhenAMeetingIsCreatedAndADecisionRecorded()
      throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "会议通知");
    String meeting =
        meeting(
            TestUsers.coordNc(),
            "360100",
            "2028-04-01T02:00:00Z",
            "\"coord.hgt\",\"manager.nc\"",
            issue);
    Document scheduled = outboxEvent(issue, "MEETING_SCHEDULED");
    assertThat(scheduled.getString("actor")).isEqualTo("coord.nc");
    assertThat(scheduled.get("details", Document.class))
        .containsEntry("meetingId", meeting)
        .containsEntry("attendees", "coord.hgt,manager.nc")
        .containsEntry("organiser", "coord.nc");
    // a notice, not a timeline entry: the chain is unchanged
    mvc.perform(get("/api/issues/" + issue + "/timeline").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.length()").value(1));

    decide(TestUsers.coordNc(), meeting, issue, null, "2028-04-10T02:00:00Z");
    assertThat(outboxEvent(issue, "DECISION_RECORDED").get("details", Document.class))
        .containsEntry("attendees", "coord.hgt,manager.nc");
  }

  @Test
  void aResponsibleRegionThatCannotSeeTheCaseIs400AndNothingIsStored() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "责任区域");
    String meeting = meeting(TestUsers.coordNc(), "360100", "2028-05-01T02:00:00Z", "", issue);
    for (String region : List.of("360700", "360702", "12345")) {
      postJson(
              MEETINGS + "/" + meeting + "/decisions",
              TestUsers.coordNc(),
              """
              {"issueId":"%s","decision":"预拨资金","responsibleUnit":"赣州市财政局",
               "responsibleRegion":"%s","dueAt":"2028-05-10T02:00:00Z"}"""
                  .formatted(issue, region))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    mvc.perform(get(MEETINGS + "/" + meeting).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.decisions.length()").value(0));
    assertThat(stored(issue).getList("openDecisions", String.class)).isEmpty();
  }

  @Test
  void anOverdueDecisionIsReportedOnceToItsRegionAndOrganiserAndCountsOnItsRow() throws Exception {
    // Tuesday 5 September 2028 in Zhanggong (2028: no other test counts there)
    clock.set(Instant.parse("2028-09-05T02:00:00Z"));
    String issue = submit(TestUsers.ownerZg(), "p-zg", "决定逾期");
    act(issue, "accept", TestUsers.coordZg(), null).andExpect(status().isOk());
    String meeting =
        meeting(TestUsers.coordGz(), "360700", "2028-09-05T06:00:00Z", "\"coord.zg\"", issue);
    String decision = decide(TestUsers.coordGz(), meeting, issue, "360702", "2028-09-07T09:00:00Z");

    clock.set(Instant.parse("2028-09-07T08:00:00Z"));
    sweep.sweep();
    assertThat(outboxTypes(issue)).doesNotContain("DECISION_OVERDUE");

    clock.set(Instant.parse("2028-09-07T10:00:00Z"));
    assertThat(sweep.sweep().decisionsOverdue()).isPositive();
    sweep.sweep();

    assertThat(outboxTypes(issue).stream().filter("DECISION_OVERDUE"::equals)).hasSize(1);
    Document overdue = outboxEvent(issue, "DECISION_OVERDUE");
    assertThat(overdue.getString("actor")).isEqualTo("system");
    assertThat(overdue.get("details", Document.class))
        .containsEntry("decisionId", decision)
        .containsEntry("responsibleRegion", "360702")
        .containsEntry("organiser", "coord.gz");
    mvc.perform(get("/api/issues/" + issue + "/timeline/verify").with(TestUsers.coordZg()))
        .andExpect(jsonPath("$.intact").value(true));
    mvc.perform(get(MEETINGS + "/" + meeting).with(TestUsers.coordGz()))
        .andExpect(jsonPath("$.decisions[0].overdue").value(true));

    String json =
        mvc.perform(
                get("/api/accountability?regionCode=360700&from=2028-09&to=2028-09")
                    .with(TestUsers.coordGz()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(AccountabilityApplicationTests.row(json, "360702"))
        .containsEntry("decisionsOverdue", 1);

    // done late: no further report, not overdue any more
    postJson(
            MEETINGS + "/" + meeting + "/decisions/" + decision + "/done",
            TestUsers.coordGz(),
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.overdue").value(false));
    clock.set(Instant.parse("2028-09-12T10:00:00Z"));
    sweep.sweep();
    assertThat(outboxTypes(issue).stream().filter("DECISION_OVERDUE"::equals)).hasSize(1);
  }

  @Test
  void aCaseNotAcceptedByItsAcceptanceDeadlineTurnsRedAndGoesUpOverTheNationalDayHolidays()
      throws Exception {
    // Wednesday 30 September 2026 10:00 Shanghai; 1-7 October are holidays: the one working day
    // to accept is Thursday 8 October
    clock.set(Instant.parse("2026-09-30T02:00:00Z"));
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "国庆未受理");
    assertThat(stored(id).getDate("acceptDueAt").toInstant())
        .isEqualTo(Instant.parse("2026-10-08T15:59:59Z"));

    clock.set(Instant.parse("2026-10-08T15:00:00Z"));
    sweep.sweep();
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.warning").value("GREEN"))
        .andExpect(jsonPath("$.level").value("COUNTY"));

    clock.set(Instant.parse("2026-10-08T16:00:30Z"));
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.warning").value("RED"));
    sweep.sweep();
    sweep.sweep();
    List<Document> timeline = stored(id).getList("timeline", Document.class);
    assertThat(timeline.stream().map(e -> e.getString("type")))
        .containsExactly("SUBMITTED", "TURNED_RED", "AUTO_ESCALATED");
    assertThat(timeline.get(2).get("details", Document.class).getString("reason"))
        .isEqualTo("NOT_ACCEPTED");
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.level").value("CITY"))
        .andExpect(jsonPath("$.handlingRegion").value("360100"))
        .andExpect(jsonPath("$.warning").value("GREEN"));
    String json =
        mvc.perform(
                get("/api/accountability?regionCode=360113&from=2026-10&to=2026-10")
                    .with(TestUsers.coordHgt()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(AccountabilityApplicationTests.row(json, "360113"))
        .containsEntry("escalatedForLateness", 1);
  }

  @Test
  void everyReturnAndEveryEscalationWithinAWorkingDayOfAReturnIsABounce() throws Exception {
    // Friday 6 October 2028 10:00 Shanghai, Zhanggong
    clock.set(Instant.parse("2028-10-06T02:00:00Z"));
    String id = submit(TestUsers.ownerZg(), "p-zg", "推诿扯皮");
    act(id, "escalate", TestUsers.coordZg(), "{\"reason\":\"需市里\"}").andExpect(status().isOk());
    act(id, "return", TestUsers.coordGz(), "{\"instruction\":\"区里办\"}").andExpect(status().isOk());
    // Monday 9 October 23:00: still within the first working day after Friday's return
    clock.set(Instant.parse("2028-10-09T15:00:00Z"));
    act(id, "escalate", TestUsers.coordZg(), "{\"reason\":\"还是要市里\"}").andExpect(status().isOk());
    act(id, "return", TestUsers.coordGz(), "{\"instruction\":\"仍由区里办\"}")
        .andExpect(status().isOk());
    // Wednesday 11 October: more than one working day after the return, not a bounce
    clock.set(Instant.parse("2028-10-11T02:00:00Z"));
    act(id, "escalate", TestUsers.coordZg(), "{\"reason\":\"区里办不了\"}").andExpect(status().isOk());

    String json =
        mvc.perform(
                get("/api/accountability?regionCode=360700&from=2028-10&to=2028-10")
                    .with(TestUsers.managerJx()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, Object> city = AccountabilityApplicationTests.row(json, "360700");
    Map<String, Object> county = AccountabilityApplicationTests.row(json, "360702");
    assertThat(city).containsEntry("returnedDown", 2).containsEntry("bounced", 2);
    assertThat(county).containsEntry("escalatedAway", 3).containsEntry("bounced", 1);
  }
}
