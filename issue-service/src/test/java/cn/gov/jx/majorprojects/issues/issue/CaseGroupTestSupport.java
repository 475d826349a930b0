package cn.gov.jx.majorprojects.issues.issue;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Groups of cases (cluster/) on the shared case-test context: three more projects of other
 * organisations, two in 红谷滩区 like p-hgt and one in 南昌县, and their owners.
 */
abstract class CaseGroupTestSupport extends CaseApplicationTestSupport {

  static final String GROUPS = "/api/case-groups";

  // the same cause, told three ways by three owners (a grid connection held up at one substation)
  static final List<String> GRID_TEXTS =
      List.of(
          "九龙湖110千伏变电站间隔未批复|国网南昌供电公司对九龙湖110千伏变电站扩建间隔尚未批复，我方用电接入方案无法出具。",
          "用电接入卡在九龙湖变电站间隔|申请接入九龙湖110千伏变电站，国网南昌供电公司答复需等间隔扩建批复，接入方案未出。",
          "九龙湖变电站扩建间隔未批，无法接电|九龙湖110千伏变电站间隔扩建方案国网南昌供电公司未批复，新建厂房接入不了电网。");

  static RequestPostProcessor ownerWater() {
    return TestUsers.user("owner.water", "owner", "360113", "org-nc-water");
  }

  static RequestPostProcessor ownerGas() {
    return TestUsers.user("owner.gas", "owner", "360113", "org-nc-gas");
  }

  static RequestPostProcessor ownerNck() {
    return TestUsers.user("owner.nck", "owner", "360121", "org-nck-park");
  }

  static RequestPostProcessor managerGz() {
    return TestUsers.user("manager.gz", "manager", "360700");
  }

  @BeforeEach
  void moreProjects() {
    project("p-water", "九龙湖水厂", "360113", "org-nc-water");
    project("p-gas", "九龙湖燃气门站", "360113", "org-nc-gas");
    project("p-nck", "小蓝经开区厂房", "360121", "org-nck-park");
  }

  private void project(String id, String name, String region, String org) {
    remote.stubFor(
        WireMock.get(urlEqualTo("/internal/projects/" + id))
            .willReturn(
                okJson(
                    """
                    {"id":"%s","code":"2022-%s-48-01-000001","name":"%s","level":"CITY",
                     "regionCode":"%s","ownerOrg":"%s","ownerOrgName":"%s",
                     "status":"UNDER_CONSTRUCTION"}"""
                        .formatted(id, region, name, region, org, org))));
  }

  /** A case reported with its own title, description ("title|description") and category. */
  String report(RequestPostProcessor owner, String projectId, String text, String category)
      throws Exception {
    String[] parts = text.split("\\|");
    return JsonPath.read(
        send(
                HttpMethod.POST,
                "/api/issues",
                owner,
                """
                {"projectId":"%s","title":"%s","description":"%s","category":"%s","urgency":"NORMAL"}"""
                    .formatted(projectId, parts[0], parts[1], category))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  String confirmGroup(RequestPostProcessor coordinator, List<String> caseIds) throws Exception {
    return JsonPath.read(
        send(HttpMethod.POST, GROUPS, coordinator, confirmBody(caseIds))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  static String confirmBody(List<String> caseIds) {
    return "{\"title\":\"九龙湖变电站间隔\",\"caseIds\":["
        + caseIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","))
        + "]}";
  }

  static String meetingBody() {
    return """
        {"title":"九龙湖变电站间隔专题协调会","scheduledAt":"2026-11-27T01:00:00Z",
         "attendees":["coord.hgt","owner.hgt"]}""";
  }

  static String decisionBody() {
    return """
        {"decision":"市发改委牵头，供电公司十日内批复间隔扩建","responsibleUnit":"国网南昌供电公司",
         "dueAt":"2026-12-10T09:00:00Z"}""";
  }

  ResultActions send(HttpMethod method, String path, RequestPostProcessor user, String body)
      throws Exception {
    return mvc.perform(
        request(method, path)
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body == null ? "" : body));
  }

  String read(String path, RequestPostProcessor user) throws Exception {
    return mvc.perform(get(path).with(user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
