package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every endpoint under {@code /api/issues/{id}}: a caller outside the case's scope gets 404, one
 * who sees it without the right role or region gets 403; both as problem+json, and the case, its
 * timeline and its thread stay as they were.
 */
class IssueScopeApplicationTests extends CaseApplicationTestSupport {

  static final String LATER = "{\"newDueAt\":\"2026-12-10T15:59:59Z\",\"reason\":\"征迁补偿需重新评估\"}";

  static RequestPostProcessor managerGz() {
    return TestUsers.user("manager.gz", "manager", "360700");
  }

  /** Same county as the project, another organisation: owners see by org, not by region. */
  static RequestPostProcessor ownerOtherOrgSameCounty() {
    return TestUsers.user("owner.other", "owner", "360113", "org-other");
  }

  static RequestPostProcessor regionOutsideTheTree() {
    return TestUsers.user("coord.nowhere", "coordinator", "999999");
  }

  static Stream<Arguments> outsideScope() {
    return Stream.of(
        arguments("GET", "", null, "coord.gz", TestUsers.coordGz()),
        arguments("GET", "", null, "owner.zg", TestUsers.ownerZg()),
        arguments("GET", "", null, "owner.other (360113)", ownerOtherOrgSameCounty()),
        arguments("POST", "/accept", null, "coord.zg", TestUsers.coordZg()),
        arguments("POST", "/accept", null, "coord.nowhere", regionOutsideTheTree()),
        arguments("POST", "/escalate", "{\"reason\":\"x\"}", "coord.gz", TestUsers.coordGz()),
        arguments("POST", "/return", "{\"instruction\":\"x\"}", "coord.gz", TestUsers.coordGz()),
        arguments("POST", "/resolve", "{\"resolution\":\"x\"}", "coord.zg", TestUsers.coordZg()),
        arguments("POST", "/confirm", null, "owner.zg", TestUsers.ownerZg()),
        arguments("POST", "/confirm", null, "owner.other (360113)", ownerOtherOrgSameCounty()),
        arguments("POST", "/reopen", "{\"reason\":\"x\"}", "owner.zg", TestUsers.ownerZg()),
        arguments(
            "POST",
            "/reopen",
            "{\"reason\":\"x\"}",
            "owner.other (360113)",
            ownerOtherOrgSameCounty()),
        arguments("POST", "/supervise", "{\"note\":\"x\"}", "manager.gz", managerGz()),
        arguments("POST", "/extension-requests", LATER, "coord.zg", TestUsers.coordZg()),
        arguments(
            "POST", "/extension-requests/{rid}/approve", null, "coord.gz", TestUsers.coordGz()),
        arguments("POST", "/extension-requests/{rid}/approve", null, "manager.gz", managerGz()),
        arguments(
            "POST", "/extension-requests/{rid}/decline", null, "coord.gz", TestUsers.coordGz()),
        arguments("POST", "/messages", "{\"body\":\"x\"}", "owner.zg", TestUsers.ownerZg()),
        arguments("GET", "/messages", null, "coord.zg", TestUsers.coordZg()),
        arguments("GET", "/timeline", null, "owner.other (360113)", ownerOtherOrgSameCounty()),
        arguments("GET", "/timeline/verify", null, "coord.gz", TestUsers.coordGz()));
  }

  static Stream<Arguments> wrongRole() {
    return Stream.of(
        arguments("POST", "/accept", null, "manager.nc", TestUsers.managerNc()),
        arguments("POST", "/accept", null, "owner.hgt", TestUsers.ownerHgt()),
        arguments("POST", "/accept", null, "admin", TestUsers.admin()),
        arguments("POST", "/escalate", "{\"reason\":\"x\"}", "manager.jx", TestUsers.managerJx()),
        arguments("POST", "/escalate", "{\"reason\":\"x\"}", "coord.nc", TestUsers.coordNc()),
        arguments("POST", "/return", "{\"instruction\":\"x\"}", "owner.hgt", TestUsers.ownerHgt()),
        arguments(
            "POST", "/return", "{\"instruction\":\"x\"}", "manager.nc", TestUsers.managerNc()),
        arguments("POST", "/resolve", "{\"resolution\":\"x\"}", "coord.nc", TestUsers.coordNc()),
        arguments("POST", "/resolve", "{\"resolution\":\"x\"}", "owner.hgt", TestUsers.ownerHgt()),
        arguments("POST", "/resolve", "{\"resolution\":\"x\"}", "admin", TestUsers.admin()),
        arguments("POST", "/confirm", null, "coord.hgt", TestUsers.coordHgt()),
        arguments("POST", "/confirm", null, "manager.nc", TestUsers.managerNc()),
        arguments("POST", "/reopen", "{\"reason\":\"x\"}", "coord.hgt", TestUsers.coordHgt()),
        arguments("POST", "/reopen", "{\"reason\":\"x\"}", "admin", TestUsers.admin()),
        arguments("POST", "/supervise", "{\"note\":\"x\"}", "coord.nc", TestUsers.coordNc()),
        arguments("POST", "/supervise", "{\"note\":\"x\"}", "owner.hgt", TestUsers.ownerHgt()),
        arguments("POST", "/supervise", "{\"note\":\"x\"}", "admin", TestUsers.admin()),
        arguments("POST", "/extension-requests", LATER, "coord.nc", TestUsers.coordNc()),
        arguments("POST", "/extension-requests", LATER, "owner.hgt", TestUsers.ownerHgt()),
        arguments("POST", "/extension-requests", LATER, "manager.nc", TestUsers.managerNc()),
        arguments(
            "POST", "/extension-requests/{rid}/approve", null, "coord.hgt", TestUsers.coordHgt()),
        arguments(
            "POST", "/extension-requests/{rid}/approve", null, "owner.hgt", TestUsers.ownerHgt()),
        arguments("POST", "/extension-requests/{rid}/approve", null, "admin", TestUsers.admin()),
        arguments(
            "POST", "/extension-requests/{rid}/decline", null, "coord.jx", TestUsers.coordJx()),
        arguments(
            "POST", "/extension-requests/{rid}/decline", null, "coord.hgt", TestUsers.coordHgt()),
        arguments(
            "POST",
            "/extension-requests/{rid}/decline",
            null,
            "manager.jx",
            TestUsers.managerJx()));
  }

  @ParameterizedTest(name = "{0} /api/issues/'{id}'{1} as {3} -> 404")
  @MethodSource("outsideScope")
  void outsideTheCallersScopeIs404AndChangesNothing(
      String method, String path, String body, String who, RequestPostProcessor user)
      throws Exception {
    refusedAndUnchanged(method, path, body, user, null, 404);
  }

  @ParameterizedTest(name = "{0} /api/issues/'{id}'{1} as {3} -> 403")
  @MethodSource("wrongRole")
  void visibleButNotTheCallersToDoIs403AndChangesNothing(
      String method, String path, String body, String who, RequestPostProcessor user)
      throws Exception {
    refusedAndUnchanged(method, path, body, user, null, 403);
  }

  /** The role is checked before the version: a caller who may not act is not told to reload. */
  @ParameterizedTest(name = "{0} /api/issues/'{id}'{1} as {3} with a stale If-Match -> 403")
  @MethodSource("wrongRole")
  void aStaleIfMatchFromAWrongRoleIsStill403(
      String method, String path, String body, String who, RequestPostProcessor user)
      throws Exception {
    refusedAndUnchanged(method, path, body, user, "\"99\"", 403);
  }

  static Stream<Arguments> submissionRefused() {
    return Stream.of(
        arguments("coord.hgt", TestUsers.coordHgt(), 403),
        arguments("manager.nc", TestUsers.managerNc(), 403),
        arguments("admin", TestUsers.admin(), 403),
        arguments("owner.zg (another org)", TestUsers.ownerZg(), 404),
        arguments("owner.other (360113, another org)", ownerOtherOrgSameCounty(), 404));
  }

  @ParameterizedTest(name = "POST /api/issues for p-hgt as {0} -> {2}")
  @MethodSource("submissionRefused")
  void onlyOwnersOfTheProjectsOrgReportAndNothingIsStored(
      String who, RequestPostProcessor user, int expected) throws Exception {
    long before = mongo.getCollection("issues").countDocuments();
    mvc.perform(
            request(HttpMethod.POST, "/api/issues")
                .with(user)
                .header("Idempotency-Key", "scope-" + who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"projectId":"p-hgt","title":"越权上报","description":"x",
                     "category":"LAND","urgency":"NORMAL"}"""))
        .andExpect(status().is(expected))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(expected));
    assertThat(mongo.getCollection("issues").countDocuments()).isEqualTo(before);
  }

  /** A fresh case at county level with a pending extension request, then the refused call. */
  private void refusedAndUnchanged(
      String method,
      String path,
      String body,
      RequestPostProcessor user,
      String ifMatch,
      int expected)
      throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "范围与角色");
    String rid =
        JsonPath.read(
            act(id, "extension-requests", TestUsers.coordHgt(), LATER)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    List<String> before = snapshot(id);

    var call =
        request(HttpMethod.valueOf(method), "/api/issues/" + id + path.replace("{rid}", rid))
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body == null ? "" : body);
    if (ifMatch != null) {
      call.header("If-Match", ifMatch);
    }
    ResultActions refused = mvc.perform(call);
    refused
        .andExpect(status().is(expected))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(expected));

    assertThat(snapshot(id)).isEqualTo(before);
  }

  /** The case, its timeline and its thread as the reporter reads them. */
  private List<String> snapshot(String id) throws Exception {
    return List.of(
        read("/api/issues/" + id),
        read("/api/issues/" + id + "/timeline"),
        read("/api/issues/" + id + "/messages"));
  }

  private String read(String path) throws Exception {
    return mvc.perform(get(path).with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
