package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Coordination meetings: decisions land in the case and block closing until done. */
class CoordinationMeetingApplicationTests extends CaseApplicationTestSupport {

  String meeting(String issueId) throws Exception {
    String json =
        postJson(
                "/api/coordination-meetings",
                TestUsers.coordNc(),
                """
                {"title":"红谷滩征迁专题协调会","regionCode":"360100",
                 "scheduledAt":"2026-11-27T01:00:00Z","attendees":["coord.hgt","owner.hgt"],
                 "issueIds":["%s"]}"""
                    .formatted(issueId))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.organiser").value("coord.nc"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.id");
  }

  @Test
  void anOpenDecisionBlocksClosingUntilItIsDone() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "专题协调");
    String meeting = meeting(issue);
    String decision =
        JsonPath.read(
            postJson(
                    "/api/coordination-meetings/" + meeting + "/decisions",
                    TestUsers.coordNc(),
                    """
                    {"issueId":"%s","decision":"市财政预拨征迁资金","responsibleUnit":"南昌市财政局",
                     "dueAt":"2026-12-10T09:00:00Z"}"""
                        .formatted(issue))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(get("/api/issues/" + issue + "/timeline").with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$[1].type").value("DECISION_RECORDED"))
        .andExpect(jsonPath("$[1].details.responsibleUnit").value("南昌市财政局"));
    mvc.perform(get("/api/issues/" + issue + "/messages").with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.content[0].body", containsString("市财政预拨征迁资金")));

    act(issue, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    act(issue, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"资金到位\"}")
        .andExpect(status().isOk());
    act(issue, "confirm", TestUsers.ownerHgt(), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("decision")));

    String done = "/api/coordination-meetings/" + meeting + "/decisions/" + decision + "/done";
    postJson(done, TestUsers.coordHgt(), null).andExpect(status().isForbidden());
    postJson(done, TestUsers.coordGz(), null).andExpect(status().isNotFound());
    postJson(done, TestUsers.coordNc(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"));
    postJson(done, TestUsers.coordNc(), null).andExpect(status().isConflict());
    act(issue, "confirm", TestUsers.ownerHgt(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"));
    mvc.perform(get("/api/issues/" + issue + "/timeline/verify").with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.intact").value(true));
    mvc.perform(get("/api/coordination-meetings/" + meeting).with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.decisions[0].status").value("DONE"));
    mvc.perform(get("/api/coordination-meetings/" + meeting).with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound());
  }

  String decide(String meeting, String issue, String text) throws Exception {
    return JsonPath.read(
        postJson(
                "/api/coordination-meetings/" + meeting + "/decisions",
                TestUsers.coordNc(),
                """
                {"issueId":"%s","decision":"%s","responsibleUnit":"南昌市财政局",
                 "dueAt":"2026-12-10T09:00:00Z"}"""
                    .formatted(issue, text))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  List<String> timelineTypes(String issue) throws Exception {
    String timeline =
        mvc.perform(get("/api/issues/" + issue + "/timeline").with(TestUsers.coordNc()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(timeline, "$[*].type");
  }

  /** Posts each path at the same moment from its own thread; answers the status codes. */
  List<Integer> atOnce(List<String> paths) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(paths.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (String path : paths) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return postJson(path, TestUsers.coordNc(), null)
                      .andReturn()
                      .getResponse()
                      .getStatus();
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> run : runs) {
        codes.add(run.get());
      }
      return codes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoDecisionsMarkedDoneAtOnceBothStayDoneInTheMeetingAndTheCase() throws Exception {
    for (int round = 0; round < 3; round++) {
      String issue = submit(TestUsers.ownerHgt(), "p-hgt", "并发落实" + round);
      String meeting = meeting(issue);
      String first = decide(meeting, issue, "预拨资金");
      String second = decide(meeting, issue, "完成征迁");
      String base = "/api/coordination-meetings/" + meeting + "/decisions/";

      assertThat(atOnce(List.of(base + first + "/done", base + second + "/done")))
          .containsExactly(200, 200);

      mvc.perform(get("/api/coordination-meetings/" + meeting).with(TestUsers.coordNc()))
          .andExpect(jsonPath("$.decisions.length()").value(2))
          .andExpect(jsonPath("$.decisions[0].status").value("DONE"))
          .andExpect(jsonPath("$.decisions[1].status").value("DONE"))
          .andExpect(jsonPath("$.version").value(4));
      assertThat(timelineTypes(issue))
          .containsExactly(
              "SUBMITTED",
              "DECISION_RECORDED",
              "DECISION_RECORDED",
              "DECISION_DONE",
              "DECISION_DONE");
      assertThat(stored(issue).getList("openDecisions", String.class)).isEmpty();
    }
  }

  @Test
  void oneDecisionMarkedDoneTwiceAtOnceIsDoneOnceAndTheLoserGets409() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "重复落实");
    String meeting = meeting(issue);
    String decision = decide(meeting, issue, "预拨资金");
    String done = "/api/coordination-meetings/" + meeting + "/decisions/" + decision + "/done";

    assertThat(atOnce(List.of(done, done))).containsExactlyInAnyOrder(200, 409);

    assertThat(timelineTypes(issue))
        .containsExactly("SUBMITTED", "DECISION_RECORDED", "DECISION_DONE");
  }

  @Test
  void onlyCoordinatorsOrganiseAndOnlyForCasesTheyCanSee() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "会议权限");
    String body =
        """
        {"title":"会","regionCode":"360100","scheduledAt":"2026-11-27T01:00:00Z","issueIds":["%s"]}"""
            .formatted(issue);
    postJson("/api/coordination-meetings", TestUsers.managerNc(), body)
        .andExpect(status().isForbidden());
    postJson("/api/coordination-meetings", TestUsers.coordGz(), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("issueIds[0]")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")));
    postJson("/api/coordination-meetings", TestUsers.coordNc(), "{\"title\":\"\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
    String meeting = meeting(issue);
    String other = submit(TestUsers.ownerHgt(), "p-hgt", "不在会上");
    postJson(
            "/api/coordination-meetings/" + meeting + "/decisions",
            TestUsers.coordNc(),
            """
            {"issueId":"%s","decision":"x","responsibleUnit":"y","dueAt":"2026-12-10T09:00:00Z"}"""
                .formatted(other))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("issueId")));
    String decision =
        """
        {"issueId":"%s","decision":"x","responsibleUnit":"y","dueAt":"2026-12-10T09:00:00Z"}"""
            .formatted(issue);
    // an attendee sees the meeting but does not record its decisions; another city sees nothing
    postJson("/api/coordination-meetings/" + meeting + "/decisions", TestUsers.coordHgt(), decision)
        .andExpect(status().isForbidden());
    postJson("/api/coordination-meetings/" + meeting + "/decisions", TestUsers.coordGz(), decision)
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/issues/" + issue + "/timeline").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.length()").value(1));
  }

  @Test
  void aMeetingOfMoreThanFiftyCasesOrAHundredAttendeesIs400AndNothingIsStored() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "会议规模");
    long meetings = mongo.getCollection("coordination_meetings").countDocuments();
    String ids = String.join(",", java.util.Collections.nCopies(51, "\"" + issue + "\""));
    String people = String.join(",", java.util.Collections.nCopies(101, "\"coord.hgt\""));
    String body =
        """
        {"title":"大会","regionCode":"360100","scheduledAt":"2026-11-27T01:00:00Z",
         "attendees":[%s],"issueIds":[%s]}""";
    postJson("/api/coordination-meetings", TestUsers.coordNc(), body.formatted("", ids))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("issueIds")));
    postJson(
            "/api/coordination-meetings",
            TestUsers.coordNc(),
            body.formatted(people, "\"" + issue + "\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("attendees")));
    assertThat(mongo.getCollection("coordination_meetings").countDocuments()).isEqualTo(meetings);
  }
}
