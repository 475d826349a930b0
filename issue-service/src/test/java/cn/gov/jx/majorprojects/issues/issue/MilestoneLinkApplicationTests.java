package cn.gov.jx.majorprojects.issues.issue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A blocker names the milestones it holds up; project-service hears of it through the relay. */
class MilestoneLinkApplicationTests extends CaseApplicationTestSupport {

  @Autowired OutboxRelay relay;

  @BeforeEach
  void zhanggongsPlanHasTwoMilestones() {
    remote.stubFor(
        WireMock.get(urlEqualTo("/internal/projects/p-zg/milestones"))
            .willReturn(
                okJson(
                    """
                    {"projectId":"p-zg","year":2026,"milestones":[
                      {"id":"ms-a","name":"主体结构封顶","plannedDate":"2026-10-31","done":false},
                      {"id":"ms-b","name":"竣工验收","plannedDate":"2026-12-20","done":false}]}
                    """)));
    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/projects/p-zg/blockers"))
            .willReturn(aResponse().withStatus(204)));
  }

  ResultActions report(String title, String milestones) throws Exception {
    return mvc.perform(
        post("/api/issues")
            .with(TestUsers.ownerZg())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"projectId":"p-zg","title":"%s","description":"并网接入迟迟未批",
                 "category":"ENERGY","urgency":"NORMAL","milestoneIds":%s}"""
                    .formatted(title, milestones)));
  }

  ResultActions link(String id, RequestPostProcessor user, String milestones, long version)
      throws Exception {
    return mvc.perform(
        put("/api/issues/" + id + "/milestones")
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"milestoneIds\":%s,\"version\":%d}".formatted(milestones, version)));
  }

  List<LoggedRequest> toldProjects() {
    return remote.findAll(postRequestedFor(urlEqualTo("/internal/projects/p-zg/blockers")));
  }

  long version(String id) {
    return ((Number) stored(id).get("version")).longValue();
  }

  @Test
  void aBlockerNamesItsMilestonesAndProjectServiceHearsEachChangeUntilItIsResolved()
      throws Exception {
    String answer =
        report("并网未批", "[\"ms-a\",\"ms-a\"]")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.milestoneIds.length()").value(1))
            .andExpect(jsonPath("$.milestoneIds[0]").value("ms-a"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(answer, "$.id");
    // one look-up of the plan per intake
    assertThat(remote.findAll(getRequestedFor(urlEqualTo("/internal/projects/p-zg/milestones"))))
        .hasSize(1);

    relay.relay();
    List<LoggedRequest> told = toldProjects();
    assertThat(told).hasSize(1);
    String body = told.get(0).getBodyAsString();
    assertThat(JsonPath.<String>read(body, "$.caseId")).isEqualTo(id);
    assertThat(JsonPath.<Boolean>read(body, "$.open")).isTrue();
    assertThat(JsonPath.<List<String>>read(body, "$.milestoneIds")).containsExactly("ms-a");
    assertThat(JsonPath.<String>read(body, "$.dueAt")).isNotNull();
    assertThat(told.get(0).getHeader("Authorization")).isEqualTo("Bearer svc-token");

    // the holder adds the second one: a timeline entry, told to project-service and then to
    // notification-service (the owner organisation hears its milestone is held up)
    link(id, TestUsers.coordZg(), "[\"ms-a\",\"ms-b\"]", version(id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.milestoneIds.length()").value(2));
    mvc.perform(get("/api/issues/" + id + "/timeline").with(TestUsers.ownerZg()))
        .andExpect(jsonPath("$[-1].type").value("MILESTONES_CHANGED"))
        .andExpect(jsonPath("$[-1].details.milestoneIds").value("ms-a,ms-b"));
    relay.relay();
    assertThat(toldProjects()).hasSize(2);
    assertThat(
            JsonPath.<List<String>>read(toldProjects().get(1).getBodyAsString(), "$.milestoneIds"))
        .containsExactly("ms-a", "ms-b");
    assertThat(
            remote.findAll(
                postRequestedFor(urlEqualTo("/internal/events"))
                    .withRequestBody(matchingJsonPath("$.type", equalTo("MILESTONES_CHANGED")))
                    .withRequestBody(matchingJsonPath("$.actor", equalTo("coord.zg")))
                    .withRequestBody(
                        matchingJsonPath("$.details.milestoneIds[1]", equalTo("ms-b")))))
        .hasSize(1);

    // the reporter narrows it again
    link(id, TestUsers.ownerZg(), "[\"ms-b\"]", version(id)).andExpect(status().isOk());
    act(id, "accept", TestUsers.coordZg(), null).andExpect(status().isOk());
    act(id, "resolve", TestUsers.coordZg(), "{\"resolution\":\"供电公司已批复接入\"}")
        .andExpect(status().isOk());
    relay.relay();
    told = toldProjects();
    String last = told.get(told.size() - 1).getBodyAsString();
    assertThat(JsonPath.<Boolean>read(last, "$.open")).isFalse();
    assertThat(JsonPath.<List<String>>read(last, "$.milestoneIds")).containsExactly("ms-b");
    // each state carries a newer sequence than the one before
    List<Integer> sequences =
        told.stream().map(r -> JsonPath.<Integer>read(r.getBodyAsString(), "$.sequence")).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void anUnknownMilestoneIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    report("未知里程碑", "[\"ms-a\",\"ms-zzz\"]")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("milestoneIds"));
    String tooMany = "[" + "\"ms-a\",".repeat(20) + "\"ms-b\"]";
    report("未知里程碑", tooMany)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("milestoneIds"));
    assertThat(mongo.count(Query.query(Criteria.where("title").is("未知里程碑")), "issues")).isZero();

    String id = submit(TestUsers.ownerZg(), "p-zg", "无里程碑的问题");
    long version = version(id);
    link(id, TestUsers.ownerZg(), "[\"ms-zzz\"]", version)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("milestoneIds"));
    link(id, TestUsers.ownerZg(), "[\"ms-a\"]", version - 1).andExpect(status().isConflict());
    assertThat(version(id)).isEqualTo(version);
    assertThat(stored(id).getList("milestoneIds", String.class)).isEmpty();
  }

  @Test
  void onlyTheReporterAndTheHolderRelinkItAndOtherRegionsDoNotSeeIt() throws Exception {
    String id = submit(TestUsers.ownerZg(), "p-zg", "并网未批");
    long version = version(id);
    for (RequestPostProcessor other :
        List.of(TestUsers.coordGz(), TestUsers.managerJx(), TestUsers.coordJx())) {
      link(id, other, "[\"ms-a\"]", version)
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    for (RequestPostProcessor outsider :
        List.of(TestUsers.ownerHgt(), TestUsers.coordHgt(), TestUsers.managerNc())) {
      link(id, outsider, "[\"ms-a\"]", version)
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(version(id)).isEqualTo(version);
  }
}
