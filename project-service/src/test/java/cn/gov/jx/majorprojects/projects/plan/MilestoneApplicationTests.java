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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** "Today" is 2026-11-26. */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class MilestoneApplicationTests {

  static final String PLAN =
      """
      {"plannedInvestment":1200,"milestones":[
        {"name":"主体结构封顶","plannedDate":"2026-10-31"},
        {"name":"竣工验收","plannedDate":"2026-12-20"}]}
      """;

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  String project;
  String topOut;

  @BeforeEach
  void aPlanWithTwoMilestonesInZhanggong() throws Exception {
    for (String c : new String[] {"projects", "progress_reports", "annual_plans"}) {
      mongo.remove(new Query(), c);
    }
    project = PlanFixtures.zhanggongProject(mvc, "000901", "章贡热电联产");
    String answer = putPlan(PLAN);
    topOut = JsonPath.read(answer, "$.milestones[0].id");
  }

  String putPlan(String body) throws Exception {
    return mvc.perform(
            put("/api/projects/" + project + "/plans/2026")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  String plan() throws Exception {
    return mvc.perform(get("/api/projects/" + project + "/plans/2026").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  ResultActions done(RequestPostProcessor user, String milestone, String body) throws Exception {
    return mvc.perform(
        post("/api/projects/" + project + "/plans/2026/milestones/" + milestone + "/done")
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void milestonesPastTheirDateShowTheirSlipAndTheOwnerMarksThemDone() throws Exception {
    String before = plan();
    // 31 October to 26 November, not done yet; December's is still ahead
    assertThat((Integer) JsonPath.read(before, "$.milestones[0].slipDays")).isEqualTo(26);
    assertThat((Boolean) JsonPath.read(before, "$.milestones[0].done")).isFalse();
    assertThat((Integer) JsonPath.read(before, "$.milestones[1].slipDays")).isZero();
    // a plan set again with the same names keeps the milestones' ids
    putPlan(PLAN);
    assertThat(JsonPath.<List<String>>read(plan(), "$.milestones[*].id"))
        .isEqualTo(JsonPath.<List<String>>read(before, "$.milestones[*].id"));

    done(TestUsers.ownerZg(), topOut, "{\"actualDate\":\"2026-11-20\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.milestones[0].actualDate").value("2026-11-20"))
        .andExpect(jsonPath("$.milestones[0].done").value(true))
        .andExpect(jsonPath("$.milestones[0].slipDays").value(20))
        .andExpect(jsonPath("$.milestones[1].done").value(false));
    // the next read keeps it, and so does anyone in scope
    mvc.perform(get("/api/projects/" + project + "/plans/2026").with(TestUsers.coordGz()))
        .andExpect(jsonPath("$.milestones[0].slipDays").value(20));
  }

  @Test
  void onlyTheOwnerOrganisationMarksAMilestoneDoneAndOthersSeeNothingChange() throws Exception {
    String before = plan();
    for (RequestPostProcessor reader :
        List.of(
            TestUsers.coordZg(), TestUsers.coordGz(), TestUsers.managerJx(), TestUsers.admin())) {
      done(reader, topOut, "{\"actualDate\":\"2026-11-20\"}")
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    // another region or another organisation: the plan is not there for them
    for (RequestPostProcessor outsider :
        List.of(TestUsers.ownerHgt(), TestUsers.coordHgt(), TestUsers.managerNc())) {
      done(outsider, topOut, "{\"actualDate\":\"2026-11-20\"}")
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(plan()).isEqualTo(before);
  }

  @Test
  void aBadDateOrAnUnknownMilestoneIsRefusedAndNothingIsStored() throws Exception {
    String before = plan();
    done(TestUsers.ownerZg(), topOut, "{\"actualDate\":\"2026-12-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("actualDate"));
    done(TestUsers.ownerZg(), topOut, "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("actualDate"));
    done(TestUsers.ownerZg(), topOut, "{\"actualDate\":\"20th of November\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    done(TestUsers.ownerZg(), "no-such-milestone", "{\"actualDate\":\"2026-11-20\"}")
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/projects/" + project + "/plans/2025/milestones/" + topOut + "/done")
                .with(TestUsers.ownerZg())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"actualDate\":\"2026-11-20\"}"))
        .andExpect(status().isNotFound());
    assertThat(plan()).isEqualTo(before);
  }
}
