package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The same blocker across projects, handled once: found, confirmed as a group, one meeting, one
 * decision on every case, each case held open until it is done.
 */
class CaseGroupApplicationTests extends CaseGroupTestSupport {

  List<String> threeOwnersSameCause() throws Exception {
    return List.of(
        report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(0), "ENERGY"),
        report(ownerWater(), "p-water", GRID_TEXTS.get(1), "ENERGY"),
        report(ownerGas(), "p-gas", GRID_TEXTS.get(2), "ENERGY"));
  }

  /** The found group that holds the first case, or null. */
  Map<String, Object> clusterOf(String caseId) throws Exception {
    String json = read("/api/issues/clusters?regionCode=360100", TestUsers.coordNc());
    List<Map<String, Object>> found =
        JsonPath.read(json, "$.clusters[?(@.cases[*].id contains '" + caseId + "')]");
    return found.isEmpty() ? null : found.get(0);
  }

  @SuppressWarnings("unchecked")
  static List<String> caseIds(Map<String, Object> cluster) {
    return ((List<Map<String, Object>>) cluster.get("cases"))
        .stream().map(c -> (String) c.get("id")).toList();
  }

  @Test
  void theSameCauseOfThreeProjectsIsFoundConfirmedMetDecidedAndHoldsEachCaseOpen()
      throws Exception {
    List<String> same = threeOwnersSameCause();
    String other = report(ownerWater(), "p-water", "施工临时用电容量不足|水厂工地临时变压器只有400千伏安，需申请增容。", "ENERGY");

    Map<String, Object> cluster = clusterOf(same.get(0));
    assertThat(cluster).isNotNull();
    assertThat(caseIds(cluster)).containsAll(same).doesNotContain(other);
    assertThat(cluster.get("regionCode")).isEqualTo("360113");
    assertThat((List<String>) JsonPath.read(cluster, "$.reasons"))
        .contains("同类：用能", "同一县：红谷滩区")
        .anyMatch(r -> r.startsWith("文本相似度 0."));
    mvc.perform(get("/api/issues/clusters").with(TestUsers.managerNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("360100"))
        .andExpect(jsonPath("$.limit").value(2000));

    String group = confirmGroup(TestUsers.coordNc(), same);
    mvc.perform(get(GROUPS + "/" + group).with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("360113"))
        .andExpect(jsonPath("$.category").value("ENERGY"))
        .andExpect(jsonPath("$.cases.length()").value(3))
        .andExpect(jsonPath("$.reasons", hasItem("同一县：红谷滩区")))
        .andExpect(jsonPath("$.version").value(0));
    // confirmed cases are no longer suggested, and join no second group
    assertThat(clusterOf(same.get(0))).isNull();
    send(HttpMethod.POST, GROUPS, TestUsers.coordHgt(), confirmBody(List.of(same.get(0), other)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("caseIds[0]"))
        .andExpect(jsonPath("$.errors[0].message", containsString("already")));
    // each case's own thread says so
    mvc.perform(get("/api/issues/" + same.get(1) + "/messages").with(ownerWater()))
        .andExpect(jsonPath("$.content[0].body", containsString(group)));

    send(
            HttpMethod.POST,
            GROUPS + "/" + group + "/messages",
            TestUsers.coordHgt(),
            "{\"body\":\"三家同一原因\"}")
        .andExpect(status().isCreated());
    mvc.perform(get(GROUPS + "/" + group + "/messages").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.content[0].body").value("三家同一原因"))
        .andExpect(jsonPath("$.content[0].author").value("coord.hgt"));

    String meeting =
        JsonPath.read(
            send(
                    HttpMethod.POST,
                    GROUPS + "/" + group + "/meeting",
                    TestUsers.coordHgt(),
                    meetingBody())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.regionCode").value("360113"))
                .andExpect(jsonPath("$.issueIds.length()").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    String decision =
        JsonPath.read(
            send(
                    HttpMethod.POST,
                    GROUPS + "/" + group + "/decisions",
                    TestUsers.coordHgt(),
                    decisionBody())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.meetingId").value(meeting))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.cases.length()").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    for (String issue : same) {
      mvc.perform(get("/api/issues/" + issue + "/timeline").with(TestUsers.coordNc()))
          .andExpect(jsonPath("$[-1].type").value("DECISION_RECORDED"))
          .andExpect(jsonPath("$[-1].details.responsibleUnit").value("国网南昌供电公司"));
    }

    String first = same.get(0);
    act(first, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    act(first, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"临时方案接电\"}")
        .andExpect(status().isOk());
    act(first, "confirm", TestUsers.ownerHgt(), null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("decision")));

    String done = GROUPS + "/" + group + "/decisions/" + decision + "/done";
    send(HttpMethod.POST, done, TestUsers.coordHgt(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"));
    send(HttpMethod.POST, done, TestUsers.coordHgt(), null).andExpect(status().isConflict());
    act(first, "confirm", TestUsers.ownerHgt(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"));
    mvc.perform(get("/api/coordination-meetings/" + meeting).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.decisions.length()").value(3))
        .andExpect(jsonPath("$.decisions[*].status", contains("DONE", "DONE", "DONE")));
    for (String issue : same) {
      assertThat(stored(issue).getList("openDecisions", String.class)).isEmpty();
      mvc.perform(get("/api/issues/" + issue + "/timeline/verify").with(TestUsers.coordNc()))
          .andExpect(jsonPath("$.intact").value(true));
    }
  }

  @Test
  void aCaseTakenOutOfAGroupCanJoinAnotherAndTheLastCaseStays() throws Exception {
    List<String> same = threeOwnersSameCause();
    String group = confirmGroup(TestUsers.coordHgt(), same);
    String path = GROUPS + "/" + group + "/cases/" + same.get(2);

    mvc.perform(delete(path).with(TestUsers.coordHgt()).header("If-Match", "\"7\""))
        .andExpect(status().isConflict());
    mvc.perform(delete(path).with(TestUsers.coordHgt()).header("If-Match", "\"0\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cases.length()").value(2))
        .andExpect(jsonPath("$.removed[0].issueId").value(same.get(2)))
        .andExpect(jsonPath("$.removed[0].by").value("coord.hgt"))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(delete(path).with(TestUsers.coordHgt())).andExpect(status().isNotFound());

    String second = report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(0), "ENERGY");
    confirmGroup(TestUsers.coordHgt(), List.of(same.get(2), second));

    mvc.perform(delete(GROUPS + "/" + group + "/cases/" + same.get(1)).with(TestUsers.coordHgt()))
        .andExpect(status().isOk());
    mvc.perform(delete(GROUPS + "/" + group + "/cases/" + same.get(0)).with(TestUsers.coordHgt()))
        .andExpect(status().isConflict());
  }

  @Test
  void theListIsScopedToGroupsWithACaseInTheCallersRegion() throws Exception {
    String hgt = report(TestUsers.ownerHgt(), "p-hgt", GRID_TEXTS.get(0), "ENERGY");
    String nck = report(ownerNck(), "p-nck", GRID_TEXTS.get(1), "ENERGY");
    String group = confirmGroup(TestUsers.coordNc(), List.of(hgt, nck));

    mvc.perform(get(GROUPS + "/" + group).with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.regionCode").value("360100"))
        .andExpect(jsonPath("$.reasons", hasItem("同一市：南昌市（红谷滩区、南昌县）")));
    mvc.perform(get(GROUPS).with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[*].id", hasItem(group)));
    mvc.perform(get(GROUPS + "?regionCode=360121&size=100").with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.content[*].id", hasItem(group)));
    String ganzhou = read(GROUPS + "?size=100", TestUsers.coordGz());
    assertThat((List<String>) JsonPath.read(ganzhou, "$.content[*].id")).doesNotContain(group);
    mvc.perform(get(GROUPS + "?regionCode=360700").with(TestUsers.coordNc()))
        .andExpect(status().isNotFound());
  }
}
