package cn.gov.jx.majorprojects.projects.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Blockers told by issue-service hold up milestones: slip and investment at risk in the plan and on
 * the dashboard. "Today" is 2026-11-26; the plan of 1200 (10k CNY) has a milestone on 31 October (2
 * months of the year after it: 200 at risk) and one on 20 December (none after it).
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class MilestoneBlockerApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  String project;
  String topOut;
  String handover;

  @BeforeEach
  void aPlanWithTwoMilestonesInZhanggong() throws Exception {
    for (String c :
        new String[] {
          "projects",
          "progress_reports",
          "annual_plans",
          "milestone_blockers",
          "dashboard_rollups",
          "dashboard_shares"
        }) {
      mongo.remove(new Query(), c);
    }
    project = PlanFixtures.zhanggongProject(mvc, "000902", "章贡热电联产二期");
    String answer =
        mvc.perform(
                put("/api/projects/" + project + "/plans/2026")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(MilestoneApplicationTests.PLAN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    topOut = JsonPath.read(answer, "$.milestones[0].id");
    handover = JsonPath.read(answer, "$.milestones[1].id");
  }

  ResultActions tell(String caseId, long sequence, boolean open, String milestones, String dueAt)
      throws Exception {
    return mvc.perform(
        post("/internal/projects/" + project + "/blockers")
            .with(TestUsers.serviceClient())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"caseId":"%s","number":"JX-2026-%s","sequence":%d,"open":%s,
                 "milestoneIds":%s,"dueAt":"%s"}
                """
                    .formatted(caseId, caseId, sequence, open, milestones, dueAt)));
  }

  String plan() throws Exception {
    return mvc.perform(get("/api/projects/" + project + "/plans/2026").with(TestUsers.coordGz()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  String dashboard() throws Exception {
    return mvc.perform(get("/api/dashboard?regionCode=360702&year=2026").with(TestUsers.coordZg()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  static double number(String json, String path) {
    return ((Number) JsonPath.read(json, path)).doubleValue();
  }

  @Test
  void anOpenBlockerHoldsUpItsMilestoneInThePlanAndOnTheDashboardUntilItIsResolved()
      throws Exception {
    tell("000001", 1, true, "[\"" + topOut + "\"]", "2026-12-10T09:00:00Z")
        .andExpect(status().isNoContent());
    tell("000002", 3, true, "[\"" + topOut + "\",\"" + handover + "\"]", "2027-01-10T09:00:00Z")
        .andExpect(status().isNoContent());

    String plan = plan();
    assertThat(JsonPath.<List<String>>read(plan, "$.milestones[0].blockers"))
        .containsExactlyInAnyOrder("JX-2026-000001", "JX-2026-000002");
    assertThat((Integer) JsonPath.read(plan, "$.milestones[0].slipDays")).isEqualTo(26);
    assertThat(number(plan, "$.milestones[0].investmentAtRisk")).isEqualTo(200.0);
    // December's milestone is not late yet: its slip is projected to the blocker's deadline
    assertThat((Integer) JsonPath.read(plan, "$.milestones[1].slipDays")).isEqualTo(21);
    assertThat((Boolean) JsonPath.read(plan, "$.milestones[1].slipProjected")).isTrue();
    assertThat(number(plan, "$.milestones[1].investmentAtRisk")).isZero();
    // the project's figure is the largest amount, not the sum
    assertThat(number(plan, "$.investmentAtRisk")).isEqualTo(200.0);

    mvc.perform(get("/api/projects/" + project).with(TestUsers.ownerZg()))
        .andExpect(jsonPath("$.investmentAtRisk").value(200.0));
    String board = dashboard();
    assertThat(number(board, "$.investmentAtRisk")).isEqualTo(200.0);
    assertThat((Integer) JsonPath.read(board, "$.milestonesSlipping")).isEqualTo(2);
    // the city above rolls it up too, and a rebuild recounts the same
    mvc.perform(get("/api/dashboard?regionCode=360700&year=2026").with(TestUsers.coordGz()))
        .andExpect(jsonPath("$.investmentAtRisk").value(200.0))
        .andExpect(jsonPath("$.milestonesSlipping").value(2));
    mvc.perform(post("/api/dashboard/rebuild").with(TestUsers.admin())).andExpect(status().isOk());
    assertThat(dashboard()).isEqualTo(board);

    // resolved: the first no longer holds anything; the second still holds both
    tell("000001", 2, false, "[\"" + topOut + "\"]", "2026-12-10T09:00:00Z")
        .andExpect(status().isNoContent());
    assertThat(JsonPath.<List<String>>read(plan(), "$.milestones[0].blockers"))
        .containsExactly("JX-2026-000002");
    // closed too: nothing is held up any more
    tell("000002", 4, false, "[\"" + topOut + "\",\"" + handover + "\"]", "2027-01-10T09:00:00Z")
        .andExpect(status().isNoContent());
    plan = plan();
    assertThat(number(plan, "$.investmentAtRisk")).isZero();
    mvc.perform(get("/api/projects/" + project).with(TestUsers.ownerZg()))
        .andExpect(jsonPath("$.investmentAtRisk").value(0.0));
    assertThat(JsonPath.<List<String>>read(plan, "$.milestones[0].blockers")).isEmpty();
    assertThat((Integer) JsonPath.read(plan, "$.milestones[1].slipDays")).isZero();
    board = dashboard();
    assertThat(number(board, "$.investmentAtRisk")).isZero();
    assertThat((Integer) JsonPath.read(board, "$.milestonesSlipping")).isZero();
  }

  @Test
  void aRedeliveryOrAnOlderStateChangesNothing() throws Exception {
    tell("000003", 5, true, "[\"" + topOut + "\"]", "2026-12-10T09:00:00Z")
        .andExpect(status().isNoContent());
    String plan = plan();
    String board = dashboard();
    tell("000003", 5, true, "[\"" + topOut + "\"]", "2026-12-10T09:00:00Z")
        .andExpect(status().isNoContent());
    tell("000003", 4, false, "[]", "2026-12-10T09:00:00Z").andExpect(status().isNoContent());
    assertThat(plan()).isEqualTo(plan);
    assertThat(dashboard()).isEqualTo(board);
    assertThat(number(board, "$.investmentAtRisk")).isEqualTo(200.0);
  }

  @Test
  void aMilestoneMarkedDoneIsNoLongerHeldUp() throws Exception {
    tell("000004", 1, true, "[\"" + topOut + "\"]", "2026-12-10T09:00:00Z")
        .andExpect(status().isNoContent());
    mvc.perform(
            post("/api/projects/" + project + "/plans/2026/milestones/" + topOut + "/done")
                .with(TestUsers.ownerZg())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"actualDate\":\"2026-11-20\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.investmentAtRisk").value(0.0))
        .andExpect(jsonPath("$.milestones[0].blockers.length()").value(0));
    assertThat(number(dashboard(), "$.investmentAtRisk")).isZero();
  }

  @Test
  void theInternalEndpointsAnswerServicesOnlyAndRefuseBadStates() throws Exception {
    mvc.perform(
            get("/internal/projects/" + project + "/milestones").with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2026))
        .andExpect(jsonPath("$.milestones[0].id").value(topOut))
        .andExpect(jsonPath("$.milestones[1].id").value(handover));
    mvc.perform(get("/internal/projects/" + project + "/milestones").with(TestUsers.admin()))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/internal/projects/6650f0f0f0f0f0f0f0f0f0f0/milestones")
                .with(TestUsers.serviceClient()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/internal/projects/" + project + "/blockers")
                .with(TestUsers.ownerZg())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseId\":\"x\",\"number\":\"n\",\"sequence\":1,\"open\":true}"))
        .andExpect(status().isForbidden());
    String tooMany = "[" + "\"m\",".repeat(20) + "\"m\"]";
    tell("000005", 1, true, tooMany, "2026-12-10T09:00:00Z")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("milestoneIds"));
    assertThat(mongo.count(new Query(), "milestone_blockers")).isZero();
    assertThat(number(plan(), "$.investmentAtRisk")).isZero();
  }
}
