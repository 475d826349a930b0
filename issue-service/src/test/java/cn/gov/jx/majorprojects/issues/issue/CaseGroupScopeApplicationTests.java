package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
 * Groups of cases: 404 for a caller who does not see the group (owners included: a group carries
 * other organisations' cases), 403 for one who sees it but may not act, 400 for bad input; all
 * problem+json, and the group, its cases, threads and meetings unchanged. The group under test is
 * coord.nc's, of a 红谷滩区 case and a 南昌县 case (so its region is 南昌市), with one meeting and one open
 * group decision.
 */
class CaseGroupScopeApplicationTests extends CaseGroupTestSupport {

  record Fixture(String group, String hgtCase, String nckCase, String decision) {}

  static Stream<Arguments> outsideScope() {
    Stream<String[]> endpoints =
        Stream.of(
            new String[] {"GET", ""},
            new String[] {"DELETE", "/cases/{case}"},
            new String[] {"POST", "/messages"},
            new String[] {"GET", "/messages"},
            new String[] {"POST", "/meeting"},
            new String[] {"POST", "/decisions"},
            new String[] {"POST", "/decisions/{did}/done"});
    return endpoints.flatMap(
        e ->
            Stream.of(
                arguments(e[0], e[1], "coord.gz", TestUsers.coordGz()),
                arguments(e[0], e[1], "manager.gz", managerGz()),
                arguments(e[0], e[1], "coord.zg", TestUsers.coordZg()),
                arguments(e[0], e[1], "owner.hgt (owns a case of it)", TestUsers.ownerHgt())));
  }

  static Stream<Arguments> wrongRole() {
    Stream<String[]> actions =
        Stream.of(
            new String[] {"DELETE", "/cases/{case}"},
            new String[] {"POST", "/meeting"},
            new String[] {"POST", "/decisions"},
            new String[] {"POST", "/decisions/{did}/done"});
    return actions.flatMap(
        e ->
            Stream.of(
                arguments(
                    e[0], e[1], "coord.hgt (county below the group's city)", TestUsers.coordHgt()),
                arguments(e[0], e[1], "manager.nc", TestUsers.managerNc()),
                arguments(e[0], e[1], "admin", TestUsers.admin())));
  }

  static Stream<Arguments> notCoordinatorsOrManagers() {
    return Stream.of(
        arguments("owner.hgt", TestUsers.ownerHgt()), arguments("admin", TestUsers.admin()));
  }

  static Stream<Arguments> notCoordinators() {
    return Stream.of(
        arguments("manager.nc", TestUsers.managerNc()),
        arguments("owner.hgt", TestUsers.ownerHgt()),
        arguments("admin", TestUsers.admin()));
  }

  @ParameterizedTest(name = "{0} group{1} as {2} -> 404")
  @MethodSource("outsideScope")
  void outsideTheCallersScopeIs404AndChangesNothing(
      String method, String path, String who, RequestPostProcessor user) throws Exception {
    refusedAndUnchanged(method, path, user, 404);
  }

  @ParameterizedTest(name = "{0} group{1} as {2} -> 403")
  @MethodSource("wrongRole")
  void seenButNotActedOnIs403AndChangesNothing(
      String method, String path, String who, RequestPostProcessor user) throws Exception {
    refusedAndUnchanged(method, path, user, 403);
  }

  @ParameterizedTest(name = "clusters and the group list as {0} -> 403")
  @MethodSource("notCoordinatorsOrManagers")
  void clustersAndTheListAreForCoordinatorsAndManagers(String who, RequestPostProcessor user)
      throws Exception {
    for (String path :
        List.of("/api/issues/clusters?regionCode=360113", GROUPS + "?regionCode=360113")) {
      problem(mvc.perform(get(path).with(user)), 403);
    }
  }

  @Test
  void aRegionOutsideTheCallersOrUnknownIs404AndAMalformedOne400() throws Exception {
    for (String path : List.of("/api/issues/clusters", GROUPS)) {
      problem(mvc.perform(get(path + "?regionCode=360700").with(TestUsers.coordNc())), 404);
      problem(mvc.perform(get(path + "?regionCode=360100").with(TestUsers.coordHgt())), 404);
      problem(mvc.perform(get(path + "?regionCode=369999").with(TestUsers.managerJx())), 404);
      problem(mvc.perform(get(path + "?regionCode=36a").with(TestUsers.coordNc())), 400)
          .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    }
    problem(mvc.perform(get(GROUPS + "?size=0").with(TestUsers.coordNc())), 400)
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @ParameterizedTest(name = "POST group as {0} -> 403")
  @MethodSource("notCoordinators")
  void onlyCoordinatorsConfirmAndNothingIsStored(String who, RequestPostProcessor user)
      throws Exception {
    String a = report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(0), "ENERGY");
    String b = report(ownerWater(), "p-water", GRID_TEXTS.get(1), "ENERGY");
    long groups = count("case_groups");
    long members = count("case_group_members");

    problem(send(HttpMethod.POST, GROUPS, user, confirmBody(List.of(a, b))), 403);

    assertThat(count("case_groups")).isEqualTo(groups);
    assertThat(count("case_group_members")).isEqualTo(members);
  }

  @Test
  void badInputIs400WithTheFieldsAndNothingIsStored() throws Exception {
    Fixture f = fixture();
    String fresh = report(ownerWater(), "p-water", GRID_TEXTS.get(1), "ENERGY");
    String resolved = report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(2), "ENERGY");
    act(resolved, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    act(resolved, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"好了\"}")
        .andExpect(status().isOk());
    List<String> before = snapshot(f);
    long groups = count("case_groups");
    long members = count("case_group_members");

    String[][] confirms = {
      {"{}", "caseIds"},
      {"{\"caseIds\":[\"" + fresh + "\"]}", "caseIds"},
      {"{\"caseIds\":[\"" + fresh + "\",\"\"]}", "caseIds[1]"},
      {"{\"caseIds\":[\"" + fresh + "\",\"" + fresh + "\"]}", "caseIds[1]"},
      {"{\"caseIds\":[\"" + fresh + "\",\"" + f.hgtCase() + "\"]}", "caseIds[1]"},
      {"{\"caseIds\":[\"" + fresh + "\",\"" + resolved + "\"]}", "caseIds[1]"},
      {"{\"caseIds\":[\"" + fresh + "\",\"no-such-case\"]}", "caseIds[1]"},
      {
        "{\"caseIds\":[\""
            + fresh
            + "\",\""
            + f.nckCase()
            + "\"],\"title\":\""
            + "长".repeat(201)
            + "\"}",
        "title"
      },
    };
    for (String[] c : confirms) {
      problem(send(HttpMethod.POST, GROUPS, TestUsers.coordHgt(), c[0]), 400)
          .andExpect(jsonPath("$.errors[*].field", hasItem(c[1])));
    }
    // coord.gz cannot see these cases: like unknown ones, without saying they exist
    problem(
            send(
                HttpMethod.POST,
                GROUPS,
                TestUsers.coordGz(),
                confirmBody(List.of(fresh, resolved))),
            400)
        .andExpect(jsonPath("$.errors[*].field", hasItem("caseIds[0]")));
    assertThat(count("case_groups")).isEqualTo(groups);
    assertThat(count("case_group_members")).isEqualTo(members);

    String base = GROUPS + "/" + f.group();
    long meetings = count("coordination_meetings");
    problem(send(HttpMethod.POST, base + "/messages", TestUsers.coordNc(), "{\"body\":\"\"}"), 400)
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    problem(send(HttpMethod.POST, base + "/meeting", TestUsers.coordNc(), "{\"title\":\"会\"}"), 400)
        .andExpect(jsonPath("$.errors[0].field").value("scheduledAt"));
    problem(
            send(HttpMethod.POST, base + "/decisions", TestUsers.coordNc(), "{\"decision\":\"x\"}"),
            400)
        .andExpect(jsonPath("$.errors[*].field", hasItem("dueAt")));
    problem(
            mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        base + "/cases/" + f.hgtCase())
                    .with(TestUsers.coordNc())
                    .header("If-Match", "abc")),
            400)
        .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    assertThat(count("coordination_meetings")).isEqualTo(meetings);
    assertThat(snapshot(f)).isEqualTo(before);
  }

  @Test
  void aGroupDecisionBeforeAnyMeetingIs409() throws Exception {
    String a = report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(0), "ENERGY");
    String b = report(ownerGas(), "p-gas", GRID_TEXTS.get(1), "ENERGY");
    String group = confirmGroup(TestUsers.coordHgt(), List.of(a, b));
    problem(
        send(
            HttpMethod.POST,
            GROUPS + "/" + group + "/decisions",
            TestUsers.coordHgt(),
            decisionBody()),
        409);
    assertThat(stored(a).getList("openDecisions", String.class)).isEmpty();
  }

  private void refusedAndUnchanged(
      String method, String path, RequestPostProcessor user, int expected) throws Exception {
    Fixture f = fixture();
    List<String> before = snapshot(f);
    long meetings = count("coordination_meetings");
    String body =
        switch (path) {
          case "/messages" -> "{\"body\":\"越权\"}";
          case "/meeting" -> meetingBody();
          case "/decisions" -> decisionBody();
          default -> null;
        };
    String target =
        GROUPS
            + "/"
            + f.group()
            + path.replace("{case}", f.hgtCase()).replace("{did}", f.decision());

    problem(
        send(HttpMethod.valueOf(method), target, user, method.equals("GET") ? null : body),
        expected);

    assertThat(snapshot(f)).isEqualTo(before);
    assertThat(count("coordination_meetings")).isEqualTo(meetings);
  }

  private Fixture fixture() throws Exception {
    String hgt = report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(0), "ENERGY");
    String nck = report(ownerNck(), "p-nck", GRID_TEXTS.get(1), "ENERGY");
    String group = confirmGroup(TestUsers.coordNc(), List.of(hgt, nck));
    String base = GROUPS + "/" + group;
    send(HttpMethod.POST, base + "/meeting", TestUsers.coordNc(), meetingBody())
        .andExpect(status().isCreated());
    String decision =
        JsonPath.read(
            send(HttpMethod.POST, base + "/decisions", TestUsers.coordNc(), decisionBody())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    return new Fixture(group, hgt, nck, decision);
  }

  private List<String> snapshot(Fixture f) throws Exception {
    String base = GROUPS + "/" + f.group();
    return List.of(
        read(base, TestUsers.coordNc()),
        read(base + "/messages", TestUsers.coordNc()),
        read("/api/issues/" + f.hgtCase() + "/timeline", TestUsers.ownerHgt()),
        read("/api/issues/" + f.hgtCase() + "/messages", TestUsers.ownerHgt()),
        read("/api/issues/" + f.nckCase() + "/timeline", ownerNck()));
  }

  private long count(String collection) {
    return mongo.getCollection(collection).countDocuments();
  }

  private static ResultActions problem(ResultActions result, int expected) throws Exception {
    return result
        .andExpect(status().is(expected))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(expected));
  }
}
