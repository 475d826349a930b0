package cn.gov.jx.majorprojects.projects.plan;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The annual plans' HTTP contract: statuses, problem bodies, slip days; services are mocked. */
@WebMvcTest(AnnualPlanController.class)
@Import(AnnualPlanControllerWebMvcTests.FixedClock.class)
class AnnualPlanControllerWebMvcTests {

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired MockMvc mvc;

  @MockitoBean ProjectService projects;
  @MockitoBean AnnualPlanRepository plans;
  @MockitoBean AnnualPlanService service;
  @MockitoBean Blockers blockers;

  static AnnualPlan plan() {
    return new AnnualPlan(
        AnnualPlan.idOf("p1", 2026),
        "p1",
        2026,
        new BigDecimal("5000.0000"),
        List.of(
            new AnnualPlan.Milestone("m1", "主体开工", LocalDate.parse("2026-11-16"), null),
            new AnnualPlan.Milestone(
                "m2", "征地完成", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"))),
        "manager.nc",
        Instant.parse("2026-01-05T02:00:00Z"),
        4L);
  }

  ResultActions putPlan(String body) throws Exception {
    return mvc.perform(
        put("/api/projects/p1/plans/2026")
            .with(TestUsers.managerNc())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void aPlanShowsEachMilestonesSlipAndNothingAtRiskWithoutBlockers() throws Exception {
    Project project = mock(Project.class);
    given(project.getId()).willReturn("p1");
    given(projects.get(any(), eq("p1"))).willReturn(project);
    given(plans.findById("p1:2026")).willReturn(Optional.of(plan()));
    given(blockers.risks(any())).willReturn(Map.of());
    mvc.perform(get("/api/projects/p1/plans/2026").with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(4))
        .andExpect(jsonPath("$.milestones[0].slipDays").value(10))
        .andExpect(jsonPath("$.milestones[0].done").value(false))
        .andExpect(jsonPath("$.milestones[1].slipDays").value(0))
        .andExpect(jsonPath("$.milestones[1].done").value(true))
        .andExpect(jsonPath("$.milestones[0].blockers.length()").value(0));
  }

  @Test
  void aYearWithoutPlanIs404AndAProjectOutOfScopeToo() throws Exception {
    Project project = mock(Project.class);
    given(project.getId()).willReturn("p1");
    given(projects.get(any(), eq("p1"))).willReturn(project);
    given(plans.findById("p1:2025")).willReturn(Optional.empty());
    given(projects.get(any(), eq("p9"))).willThrow(new NotFoundException("Project", "p9"));
    mvc.perform(get("/api/projects/p1/plans/2025").with(TestUsers.ownerHgt()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Plan p1/2025 not found"));
    mvc.perform(get("/api/projects/p9/plans/2026").with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Project p9 not found"));
  }

  @Test
  void aYearThatIsNoNumberIs400NamingIt() throws Exception {
    mvc.perform(get("/api/projects/p1/plans/next").with(TestUsers.ownerHgt()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
    verifyNoInteractions(projects, plans);
  }

  @Test
  void aNegativeInvestmentOrAMilestoneWithoutNameIs400AndNothingIsStored() throws Exception {
    putPlan("{\"plannedInvestment\":-5}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("plannedInvestment"));
    putPlan(
            "{\"plannedInvestment\":5000,\"milestones\":[{\"name\":\"\","
                + "\"plannedDate\":\"2026-06-30\"}]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("milestones[0].name"));
    verifyNoInteractions(service);
  }

  @Test
  void anOwnerSettingThePlanIs403() throws Exception {
    given(service.put(any(), eq("p1"), eq(2026), any()))
        .willThrow(new AccessDeniedException("registry keepers"));
    putPlan("{\"plannedInvestment\":5000}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
  }

  @Test
  void aMilestoneDoneWithoutDateIs400AndTwiceIs409() throws Exception {
    mvc.perform(
            post("/api/projects/p1/plans/2026/milestones/m1/done")
                .with(TestUsers.managerNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("actualDate"));
    given(service.markDone(any(), eq("p1"), eq(2026), eq("m2"), any()))
        .willThrow(new ConflictException("Milestone m2 is already done"));
    mvc.perform(
            post("/api/projects/p1/plans/2026/milestones/m2/done")
                .with(TestUsers.managerNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"actualDate\":\"2026-11-20\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("Milestone m2 is already done"));
  }
}
