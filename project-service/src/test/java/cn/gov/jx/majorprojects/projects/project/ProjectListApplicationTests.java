package cn.gov.jx.majorprojects.projects.project;

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
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** "Today" is 2026-11-26: October's reports were due on 5 November. */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ProjectListApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String filedLate;
  String filedOnTime;
  String missing;
  String slipped;
  String planned;

  @BeforeEach
  void fiveProjectsInHongGuTan() throws Exception {
    for (String c : new String[] {"projects", "progress_reports", "annual_plans"}) {
      mongo.remove(new Query(), c);
    }
    filedLate = project("000301", "2026-01-01", "UNDER_CONSTRUCTION");
    filedOnTime = project("000302", "2026-01-01", "UNDER_CONSTRUCTION");
    missing = project("000303", "2026-01-01", "UNDER_CONSTRUCTION");
    slipped = project("000304", "2026-02-01", "PRE_CONSTRUCTION");
    planned = project("000305", "2027-03-01", "PLANNED");
    for (String id : List.of(filedLate, filedOnTime, missing)) {
      // building since September
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(id)),
          Update.update("actualStart", LocalDate.of(2026, 9, 1)),
          Project.class);
    }
    report(filedLate);
    report(filedOnTime);
    // as if filed on 3 November
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(filedOnTime + ":2026-10")),
        Update.update("late", false),
        "progress_reports");
    // the next write turns the missing one yellow (as the daily job would)
    Integer version =
        JsonPath.read(
            mvc.perform(get("/api/projects/" + missing).with(TestUsers.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.version");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                    "/api/projects/" + missing)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"description\":\"十月未报\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.warning.level").value("YELLOW"));
  }

  String project(String serial, String plannedStart, String status) throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"2026-360113-48-01-%s","name":"红谷滩项目%s","level":"CITY",
                         "regionCode":"360113","industry":"SOCIAL","ownerOrg":"org-nc-metro",
                         "ownerOrgName":"南昌轨道交通集团","totalInvestment":90000,
                         "plannedStart":"%s","plannedFinish":"2028-12-31","status":"%s"}
                        """
                            .formatted(serial, serial, plannedStart, status)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  void report(String id) throws Exception {
    mvc.perform(
            put("/api/projects/" + id + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":10,"physicalProgressPercent":5,"workersOnSite":20,
                     "siteState":"WORKING"}
                    """))
        .andExpect(status().isCreated());
  }

  @Test
  void everyListItemCarriesTheStateOfLastMonthsReport() throws Exception {
    String answer =
        mvc.perform(get("/api/projects").with(TestUsers.ownerHgt()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.content.length()").value(5))
            .andExpect(jsonPath("$.content[0].previousReport.period").value("2026-10"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> states = JsonPath.read(answer, "$.content[*].previousReport.state");
    // by code: late, on time, missing, not started (no report expected) twice
    assertThat(states)
        .containsExactly("FILED_LATE", "FILED", "MISSING", "NOT_REQUIRED", "NOT_REQUIRED");

    mvc.perform(get("/api/projects/" + missing).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.previousReport.state").value("MISSING"));
    // the state answers only to whoever may read the project
    mvc.perform(get("/api/projects/" + missing).with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void theListSortsRedFirstThenYellowThenGreenAndFiltersByColour() throws Exception {
    String answer =
        mvc.perform(get("/api/projects").param("sort", "warning").with(TestUsers.coordNc()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(answer, "$.content[*].id"))
        .containsExactly(slipped, missing, filedLate, filedOnTime, planned);
    assertThat(JsonPath.<List<String>>read(answer, "$.content[*].warning.level"))
        .containsExactly("RED", "YELLOW", "GREEN", "GREEN", "GREEN");

    answer =
        mvc.perform(get("/api/projects").param("sort", "warning,desc").with(TestUsers.managerJx()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(answer, "$.content[*].id"))
        .containsExactly(filedLate, filedOnTime, planned, missing, slipped);

    // pages stay bounded and stable in that order
    mvc.perform(
            get("/api/projects")
                .param("sort", "warning")
                .param("size", "2")
                .param("page", "1")
                .with(TestUsers.admin()))
        .andExpect(jsonPath("$.content[0].id").value(filedLate))
        .andExpect(jsonPath("$.totalElements").value(5))
        .andExpect(jsonPath("$.totalPages").value(3));

    mvc.perform(get("/api/projects").param("warning", "YELLOW").with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].id").value(missing));
    mvc.perform(
            get("/api/projects")
                .param("warning", "GREEN")
                .param("sort", "code,desc")
                .with(TestUsers.admin()))
        .andExpect(jsonPath("$.totalElements").value(3))
        .andExpect(jsonPath("$.content[0].id").value(planned));
    // the filter never widens the caller's scope
    mvc.perform(get("/api/projects").param("warning", "RED").with(TestUsers.ownerZg()))
        .andExpect(jsonPath("$.totalElements").value(0));
    mvc.perform(get("/api/projects").param("warning", "RED").with(TestUsers.coordZg()))
        .andExpect(jsonPath("$.totalElements").value(0));
  }

  @Test
  void aBadColourOrOrderIsA400ProblemNamingTheParameter() throws Exception {
    mvc.perform(get("/api/projects").param("warning", "PURPLE").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("warning"));
    mvc.perform(get("/api/projects").param("sort", "warning,sideways").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/projects").param("sort", "warningSeverity").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/projects/export").param("warning", "PURPLE").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("warning"));
  }

  @Test
  void theWarningOrderHasAnIndexInEveryScope() {
    List<String> names =
        mongo.indexOps(Project.class).getIndexInfo().stream().map(IndexInfo::getName).toList();
    assertThat(names).contains("region_warning", "owner_warning", "warning");
  }

  @Test
  void projectsStoredBeforeTheSeverityExistedGetItFromTheirLight() throws Exception {
    mongo.updateMulti(new Query(), new Update().unset("warningSeverity"), Project.class);
    mvc.perform(get("/api/projects").param("warning", "RED").with(TestUsers.admin()))
        .andExpect(jsonPath("$.totalElements").value(0));
    warningService.backfillSeverity();
    mvc.perform(get("/api/projects").param("warning", "RED").with(TestUsers.admin()))
        .andExpect(jsonPath("$.content[0].id").value(slipped));
    mvc.perform(get("/api/projects").param("warning", "GREEN").with(TestUsers.admin()))
        .andExpect(jsonPath("$.totalElements").value(3));
  }

  @Autowired cn.gov.jx.majorprojects.projects.warning.WarningService warningService;
}
