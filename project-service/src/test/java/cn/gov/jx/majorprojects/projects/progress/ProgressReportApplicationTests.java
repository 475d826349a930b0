package cn.gov.jx.majorprojects.projects.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ProgressReportApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String projectId;

  @BeforeEach
  void oneProjectUnderConstruction() throws Exception {
    for (String c : new String[] {"projects", "progress_reports", "annual_plans"}) {
      mongo.remove(new Query(), c);
    }
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"2026-360113-48-01-000101","name":"红谷滩地下管廊","level":"CITY",
                         "regionCode":"360113","industry":"URBAN","ownerOrg":"org-nc-metro",
                         "ownerOrgName":"南昌轨道交通集团","totalInvestment":50000,
                         "plannedStart":"2026-01-01","plannedFinish":"2027-12-31",
                         "status":"UNDER_CONSTRUCTION"}
                        """))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.actualStart").value("2026-11-26"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    projectId = JsonPath.read(answer, "$.id");
  }

  static String report(String amount, String percent, String state, String reason) {
    return """
        {"investmentCompleted":%s,"physicalProgressPercent":%s,"workersOnSite":120,
         "siteState":"%s","suspensionReason":%s,"note":"钢筋绑扎完成"}
        """
        .formatted(amount, percent, state, reason == null ? "null" : "\"" + reason + "\"");
  }

  org.springframework.test.web.servlet.ResultActions putReport(
      RequestPostProcessor who, String period, String json) throws Exception {
    return mvc.perform(
        put("/api/projects/" + projectId + "/progress-reports/" + period)
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void ownerReportsACorrectionKeepsTheFirstRevisionAndLatenessStays() throws Exception {
    putReport(TestUsers.ownerHgt(), "2026-10", report("1200.5", "35", "WORKING", null))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.revision").value(1))
        .andExpect(jsonPath("$.late").value(true));
    putReport(TestUsers.ownerHgt(), "2026-10", report("1300.25", "36", "WORKING", null))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.revision").value(2))
        .andExpect(jsonPath("$.late").value(true));
    putReport(TestUsers.ownerHgt(), "2026-11", report("800", "40", "WORKING", null))
        .andExpect(jsonPath("$.late").value(false));

    mvc.perform(
            get("/api/projects/" + projectId + "/progress-reports/2026-10/revisions")
                .with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].investmentCompleted").value(1200.5))
        .andExpect(jsonPath("$[1].investmentCompleted").value(1300.25))
        .andExpect(jsonPath("$[0].note").value("钢筋绑扎完成"));
    mvc.perform(get("/api/projects/" + projectId + "/progress-reports").with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].period").value("2026-11"))
        .andExpect(jsonPath("$[1].revision").value(2));
  }

  @Test
  void onlyTheOwnerOrgReportsAndOthersOutOfScopeSee404() throws Exception {
    putReport(TestUsers.coordHgt(), "2026-11", report("1", "1", "WORKING", null))
        .andExpect(status().isForbidden());
    putReport(TestUsers.admin(), "2026-11", report("1", "1", "WORKING", null))
        .andExpect(status().isForbidden());
    putReport(TestUsers.ownerZg(), "2026-11", report("1", "1", "WORKING", null))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/projects/" + projectId + "/progress-reports").with(TestUsers.coordGz()))
        .andExpect(status().isNotFound());
    assertThat(mongo.getCollection("progress_reports").countDocuments()).isZero();
  }

  @Test
  void badReportsAre400WithTheFieldAndNothingStored() throws Exception {
    putReport(TestUsers.ownerHgt(), "2026-12", report("1", "1", "WORKING", null))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    putReport(TestUsers.ownerHgt(), "2026-13", report("1", "1", "WORKING", null))
        .andExpect(status().isBadRequest());
    putReport(TestUsers.ownerHgt(), "2026-11", report("-1", "1", "WORKING", null))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("investmentCompleted"));
    putReport(TestUsers.ownerHgt(), "2026-11", report("1", "100.5", "WORKING", null))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("physicalProgressPercent"));
    putReport(TestUsers.ownerHgt(), "2026-11", report("1", "1", "SUSPENDED", null))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("suspensionReason"));
    putReport(TestUsers.ownerHgt(), "2026-11", report("1", "1", "STOPPED", null))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("siteState"));
    assertThat(mongo.getCollection("progress_reports").countDocuments()).isZero();
    putReport(TestUsers.ownerHgt(), "2026-11", report("0", "1", "SUSPENDED", "征地未完成"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.suspensionReason").value("征地未完成"));
  }

  @Test
  void missingListsUnderConstructionProjectsWithoutAReportInScope() throws Exception {
    mvc.perform(
            get("/api/progress-reports/missing")
                .param("period", "2026-11")
                .param("regionCode", "360100")
                .with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].name").value("红谷滩地下管廊"));
    mvc.perform(
            get("/api/progress-reports/missing")
                .param("period", "2026-11")
                .with(TestUsers.coordGz()))
        .andExpect(jsonPath("$.length()").value(0));
    putReport(TestUsers.ownerHgt(), "2026-11", report("1", "1", "WORKING", null))
        .andExpect(status().isCreated());
    mvc.perform(
            get("/api/progress-reports/missing").param("period", "2026-11").with(TestUsers.admin()))
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void annualPlanIsSetByAdminOrManagerAndReadInScope() throws Exception {
    String plan =
        """
        {"plannedInvestment":12000.5,
         "milestones":[{"name":"主体结构封顶","plannedDate":"2026-09-30","actualDate":null}]}
        """;
    mvc.perform(
            put("/api/projects/" + projectId + "/plans/2026")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(plan))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/projects/" + projectId + "/plans/2026")
                .with(TestUsers.coordGz())
                .contentType(MediaType.APPLICATION_JSON)
                .content(plan))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/projects/" + projectId + "/plans/2026")
                .with(TestUsers.managerNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(plan))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plannedInvestment").value(12000.5));
    mvc.perform(
            put("/api/projects/" + projectId + "/plans/2026")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedInvestment\":-5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("plannedInvestment"));
    mvc.perform(get("/api/projects/" + projectId + "/plans/2026").with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plannedInvestment").value(12000.5))
        .andExpect(jsonPath("$.milestones[0].name").value("主体结构封顶"))
        .andExpect(jsonPath("$.milestones[0].plannedDate").value("2026-09-30"));
    mvc.perform(get("/api/projects/" + projectId + "/plans/2027").with(TestUsers.ownerHgt()))
        .andExpect(status().isNotFound());
  }
}
