package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Coordination meetings: a caller who cannot see the meeting gets 404, one who sees it but does not
 * organise it gets 403; both as problem+json, and neither the meeting nor its cases change.
 */
class MeetingScopeApplicationTests extends CaseApplicationTestSupport {

  static final String MEETINGS = "/api/coordination-meetings";

  static RequestPostProcessor managerGz() {
    return TestUsers.user("manager.gz", "manager", "360700");
  }

  static RequestPostProcessor ownerOtherOrgSameCounty() {
    return TestUsers.user("owner.other", "owner", "360113", "org-other");
  }

  static Stream<Arguments> outsideScope() {
    return Stream.of(
        arguments("GET", "", "coord.gz", TestUsers.coordGz()),
        arguments("GET", "", "owner.zg", TestUsers.ownerZg()),
        arguments("GET", "", "manager.gz", managerGz()),
        arguments("GET", "", "owner.other (360113)", ownerOtherOrgSameCounty()),
        arguments("POST", "/decisions", "coord.gz", TestUsers.coordGz()),
        arguments("POST", "/decisions", "coord.zg", TestUsers.coordZg()),
        arguments("POST", "/decisions/{did}/done", "coord.gz", TestUsers.coordGz()),
        arguments("POST", "/decisions/{did}/done", "owner.zg", TestUsers.ownerZg()));
  }

  static Stream<Arguments> wrongRole() {
    return Stream.of(
        arguments("POST", "/decisions", "coord.hgt (attendee)", TestUsers.coordHgt()),
        arguments("POST", "/decisions", "owner.hgt (attendee)", TestUsers.ownerHgt()),
        arguments("POST", "/decisions", "manager.nc", TestUsers.managerNc()),
        arguments("POST", "/decisions", "admin", TestUsers.admin()),
        arguments("POST", "/decisions/{did}/done", "coord.hgt (attendee)", TestUsers.coordHgt()),
        arguments("POST", "/decisions/{did}/done", "owner.hgt (attendee)", TestUsers.ownerHgt()),
        arguments("POST", "/decisions/{did}/done", "manager.jx", TestUsers.managerJx()),
        arguments("POST", "/decisions/{did}/done", "admin", TestUsers.admin()));
  }

  static Stream<Arguments> notCoordinators() {
    return Stream.of(
        arguments("manager.nc", TestUsers.managerNc()),
        arguments("owner.hgt", TestUsers.ownerHgt()),
        arguments("admin", TestUsers.admin()));
  }

  @ParameterizedTest(name = "{0} meeting{1} as {2} -> 404")
  @MethodSource("outsideScope")
  void outsideTheCallersScopeIs404AndChangesNothing(
      String method, String path, String who, RequestPostProcessor user) throws Exception {
    refusedAndUnchanged(method, path, user, 404);
  }

  @ParameterizedTest(name = "{0} meeting{1} as {2} -> 403")
  @MethodSource("wrongRole")
  void seenButNotOrganisedIs403AndChangesNothing(
      String method, String path, String who, RequestPostProcessor user) throws Exception {
    refusedAndUnchanged(method, path, user, 403);
  }

  @ParameterizedTest(name = "POST meeting as {0} -> 403")
  @MethodSource("notCoordinators")
  void onlyCoordinatorsOrganiseAndNothingIsStored(String who, RequestPostProcessor user)
      throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "会议角色");
    long before = mongo.getCollection("coordination_meetings").countDocuments();
    mvc.perform(
            request(HttpMethod.POST, MEETINGS)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(meetingBody("360100", issue, "[]")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(mongo.getCollection("coordination_meetings").countDocuments()).isEqualTo(before);
  }

  @Test
  void anOwnerOfAnotherOrgInTheMeetingsCountyDoesNotSeeIt() throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "区级会议");
    String meeting = create(TestUsers.coordHgt(), "360113", issue, "[\"owner.hgt\"]");
    mvc.perform(get(MEETINGS + "/" + meeting).with(TestUsers.ownerHgt()))
        .andExpect(status().isOk());
    // the meeting carries decisions on another organisation's case: not for this owner's eyes
    mvc.perform(get(MEETINGS + "/" + meeting).with(ownerOtherOrgSameCounty()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    String before = read(MEETINGS + "/" + meeting, TestUsers.coordHgt());
    post(MEETINGS + "/" + meeting + "/decisions", ownerOtherOrgSameCounty(), decisionBody(issue))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(read(MEETINGS + "/" + meeting, TestUsers.coordHgt())).isEqualTo(before);
  }

  @Test
  void theMeetingsRegionCoordinatorCannotWriteIntoACaseItCannotSee() throws Exception {
    // the province meets in Ganzhou about a Nanchang case; Ganzhou cannot see that case
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "跨区会议");
    String meeting = create(TestUsers.coordJx(), "360700", issue, "[]");
    String timeline = read("/api/issues/" + issue + "/timeline", TestUsers.ownerHgt());
    String seen = read(MEETINGS + "/" + meeting, TestUsers.coordJx());

    post(MEETINGS + "/" + meeting + "/decisions", TestUsers.coordGz(), decisionBody(issue))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("issueId")));
    assertThat(read("/api/issues/" + issue + "/timeline", TestUsers.ownerHgt()))
        .isEqualTo(timeline);
    assertThat(read(MEETINGS + "/" + meeting, TestUsers.coordJx())).isEqualTo(seen);

    // the organiser records it; Ganzhou may see the meeting but not close the decision
    String decision = decide(TestUsers.coordJx(), meeting, issue);
    timeline = read("/api/issues/" + issue + "/timeline", TestUsers.ownerHgt());
    seen = read(MEETINGS + "/" + meeting, TestUsers.coordJx());
    post(MEETINGS + "/" + meeting + "/decisions/" + decision + "/done", TestUsers.coordGz(), null)
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(read("/api/issues/" + issue + "/timeline", TestUsers.ownerHgt()))
        .isEqualTo(timeline);
    assertThat(read(MEETINGS + "/" + meeting, TestUsers.coordJx())).isEqualTo(seen);
  }

  /** A meeting of Nanchang (organised by coord.nc) on a fresh case, with one open decision. */
  private void refusedAndUnchanged(
      String method, String path, RequestPostProcessor user, int expected) throws Exception {
    String issue = submit(TestUsers.ownerHgt(), "p-hgt", "会议范围");
    String meeting = create(TestUsers.coordNc(), "360100", issue, "[\"coord.hgt\",\"owner.hgt\"]");
    String decision = decide(TestUsers.coordNc(), meeting, issue);
    List<String> before = snapshot(meeting, issue);

    ResultActions refused =
        mvc.perform(
            request(
                    HttpMethod.valueOf(method),
                    MEETINGS + "/" + meeting + path.replace("{did}", decision))
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    method.equals("GET") || path.endsWith("/done") ? "" : decisionBody(issue)));
    refused
        .andExpect(status().is(expected))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(expected));

    assertThat(snapshot(meeting, issue)).isEqualTo(before);
  }

  private List<String> snapshot(String meeting, String issue) throws Exception {
    return List.of(
        read(MEETINGS + "/" + meeting, TestUsers.coordNc()),
        read("/api/issues/" + issue, TestUsers.ownerHgt()),
        read("/api/issues/" + issue + "/timeline", TestUsers.ownerHgt()),
        read("/api/issues/" + issue + "/messages", TestUsers.ownerHgt()));
  }

  private String create(RequestPostProcessor organiser, String region, String issue, String who)
      throws Exception {
    return JsonPath.read(
        post(MEETINGS, organiser, meetingBody(region, issue, who))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private String decide(RequestPostProcessor by, String meeting, String issue) throws Exception {
    return JsonPath.read(
        post(MEETINGS + "/" + meeting + "/decisions", by, decisionBody(issue))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private static String meetingBody(String region, String issue, String attendees) {
    return """
        {"title":"专题协调会","regionCode":"%s","scheduledAt":"2026-11-27T01:00:00Z",
         "attendees":%s,"issueIds":["%s"]}"""
        .formatted(region, attendees, issue);
  }

  private static String decisionBody(String issue) {
    return """
        {"issueId":"%s","decision":"预拨征迁资金","responsibleUnit":"财政局","dueAt":"2026-12-10T09:00:00Z"}"""
        .formatted(issue);
  }

  private ResultActions post(String path, RequestPostProcessor user, String body) throws Exception {
    return mvc.perform(
        request(HttpMethod.POST, path)
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body == null ? "" : body));
  }

  private String read(String path, RequestPostProcessor user) throws Exception {
    return mvc.perform(get(path).with(user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
