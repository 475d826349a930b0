package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin-only writes (calendars, escalation policy) refused to every other role, accountability
 * refused to owners and scoped to the caller's region, the internal figures for the services client
 * only: each refusal as problem+json, and nothing changed.
 */
class AdminAndStatsScopeApplicationTests extends CaseApplicationTestSupport {

  static final String POLICY =
      """
      {"version":%d,"acceptWorkingDays":3,"resolveWorkingDays":{
        "COUNTY":{"normal":9,"urgent":2},"CITY":{"normal":10,"urgent":5},
        "PROVINCE":{"normal":15,"urgent":7}}}""";

  static Stream<Arguments> notAdmins() {
    return Stream.of(
        arguments("coord.jx", TestUsers.coordJx()),
        arguments("manager.jx", TestUsers.managerJx()),
        arguments("owner.hgt", TestUsers.ownerHgt()),
        arguments("coord.hgt", TestUsers.coordHgt()));
  }

  @ParameterizedTest(name = "PUT /api/calendars/2030 as {0} -> 403")
  @MethodSource("notAdmins")
  void onlyAdminsReplaceACalendarYear(String who, RequestPostProcessor user) throws Exception {
    String before = read("/api/calendars/2030");
    refused(
        put("/api/calendars/2030")
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"holidays\":[\"2030-01-01\"],\"workingDays\":[],\"source\":\"x\"}"),
        403);
    assertThat(read("/api/calendars/2030")).isEqualTo(before);
  }

  @ParameterizedTest(name = "PUT /api/escalation-policy as {0} -> 403")
  @MethodSource("notAdmins")
  void onlyAdminsReplaceThePolicy(String who, RequestPostProcessor user) throws Exception {
    String before = read("/api/escalation-policy");
    Integer version = com.jayway.jsonpath.JsonPath.read(before, "$.version");
    refused(
        put("/api/escalation-policy")
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(POLICY.formatted(version)),
        403);
    assertThat(read("/api/escalation-policy")).isEqualTo(before);
  }

  static Stream<Arguments> accountabilityRefused() {
    return Stream.of(
        arguments("360702", "owner.zg (own county)", TestUsers.ownerZg(), 403),
        arguments("360113", "owner.hgt (own county)", TestUsers.ownerHgt(), 403),
        arguments("360700", "coord.hgt", TestUsers.coordHgt(), 404),
        arguments("360100", "coord.gz", TestUsers.coordGz(), 404),
        arguments("360000", "manager.nc (province above)", TestUsers.managerNc(), 404),
        arguments("360113", "coord.zg", TestUsers.coordZg(), 404),
        arguments("999999", "admin (no such region)", TestUsers.admin(), 404));
  }

  @ParameterizedTest(name = "GET /api/accountability?regionCode={0} as {1} -> {3}")
  @MethodSource("accountabilityRefused")
  void accountabilityIsForManagersCoordinatorsAndAdminsOfTheRegion(
      String region, String who, RequestPostProcessor user, int expected) throws Exception {
    refused(get("/api/accountability?regionCode=" + region).with(user), expected);
  }

  static Stream<Arguments> notTheServicesClient() {
    return Stream.of(
        arguments("admin", TestUsers.admin()),
        arguments("manager.jx", TestUsers.managerJx()),
        arguments("coord.jx", TestUsers.coordJx()),
        arguments("owner.hgt", TestUsers.ownerHgt()));
  }

  @ParameterizedTest(name = "GET /internal/coordination-stats as {0} -> 403")
  @MethodSource("notTheServicesClient")
  void coordinationFiguresAreForTheServicesClientOnly(String who, RequestPostProcessor user)
      throws Exception {
    refused(get("/internal/coordination-stats?regionCode=360000&year=2026").with(user), 403);
  }

  private void refused(org.springframework.test.web.servlet.RequestBuilder request, int expected)
      throws Exception {
    ResultActions result = mvc.perform(request);
    result
        .andExpect(status().is(expected))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(expected));
  }

  private String read(String path) throws Exception {
    return mvc.perform(get(path).with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
