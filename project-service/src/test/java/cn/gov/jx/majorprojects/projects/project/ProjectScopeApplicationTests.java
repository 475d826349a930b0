package cn.gov.jx.majorprojects.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every project-keyed endpoint (project, annual plan, progress reports) from a user who may not see
 * the project (404 problem, as for an unknown id) and every action from a user who sees it but has
 * the wrong role (403 problem); each refused write leaves the stored data as it was.
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ProjectScopeApplicationTests {

  /** Project in 章贡区 360702 of org-gz-energy: the target of every case. */
  static final String GZ = "2026-360702-48-01-000701";

  /** Same county, another organisation: owner.zg may not see it. */
  static final String GZ_OTHER_ORG = "2026-360702-48-01-000702";

  /** Project in 红谷滩区 360113 of org-nc-metro. */
  static final String NC = "2026-360113-48-01-000703";

  static final String RENAME = "{\"version\":0,\"name\":\"改名\"}";
  static final String PLAN = "{\"plannedInvestment\":99999,\"milestones\":[]}";
  static final String REPORT =
      """
      {"investmentCompleted":10,"physicalProgressPercent":50,"workersOnSite":9,
       "siteState":"WORKING","note":"越权"}
      """;

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  /** Project ids by code, filled before each case. */
  final Map<String, String> ids = new HashMap<>();

  @FunctionalInterface
  interface Call {
    MockHttpServletRequestBuilder on(String projectId);
  }

  static Call getProject() {
    return id -> get("/api/projects/" + id);
  }

  static Call patchProject(String json) {
    return id -> patch("/api/projects/" + id).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  static Call getPlan() {
    return id -> get("/api/projects/" + id + "/plans/2026");
  }

  static Call putPlan() {
    return id ->
        put("/api/projects/" + id + "/plans/2026")
            .contentType(MediaType.APPLICATION_JSON)
            .content(PLAN);
  }

  static Call putReport() {
    return id ->
        put("/api/projects/" + id + "/progress-reports/2026-11")
            .contentType(MediaType.APPLICATION_JSON)
            .content(REPORT);
  }

  static Call getReport() {
    return id -> get("/api/projects/" + id + "/progress-reports/2026-10");
  }

  static Call getRevisions() {
    return id -> get("/api/projects/" + id + "/progress-reports/2026-10/revisions");
  }

  static Call getReports() {
    return id -> get("/api/projects/" + id + "/progress-reports");
  }

  static String create(MockMvc mvc, String code, String region, String org) throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"%s","name":"章贡区供热管网","level":"CITY","regionCode":"%s",
                         "industry":"ENERGY","ownerOrg":"%s","ownerOrgName":"业主单位",
                         "totalInvestment":50000,"plannedStart":"2026-01-01",
                         "plannedFinish":"2027-12-31","status":"UNDER_CONSTRUCTION"}
                        """
                            .formatted(code, region, org)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  @BeforeEach
  void threeProjectsWithAPlanAndAReport() throws Exception {
    for (String c : new String[] {"projects", "progress_reports", "annual_plans"}) {
      mongo.remove(new Query(), c);
    }
    ids.put(GZ, create(mvc, GZ, "360702", "org-gz-energy"));
    ids.put(GZ_OTHER_ORG, create(mvc, GZ_OTHER_ORG, "360702", "org-gz-water"));
    ids.put(NC, create(mvc, NC, "360113", "org-nc-metro"));
    for (String code : ids.keySet()) {
      mvc.perform(putPlan().on(ids.get(code)).with(TestUsers.admin())).andExpect(status().isOk());
    }
    mvc.perform(
            put("/api/projects/" + ids.get(GZ) + "/progress-reports/2026-10")
                .with(TestUsers.ownerZg())
                .contentType(MediaType.APPLICATION_JSON)
                .content(REPORT.replace("越权", "十月")))
        .andExpect(status().isCreated());
    mvc.perform(
            put("/api/projects/" + ids.get(NC) + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(REPORT.replace("越权", "十月")))
        .andExpect(status().isCreated());
  }

  /** What the right users read back: each project, its 2026 plan and its reports, and counts. */
  List<String> stored() throws Exception {
    List<String> out = new ArrayList<>();
    for (String code : List.of(GZ, GZ_OTHER_ORG, NC)) {
      String id = ids.get(code);
      for (String path :
          List.of(
              "/api/projects/" + id,
              "/api/projects/" + id + "/plans/2026",
              "/api/projects/" + id + "/progress-reports")) {
        out.add(
            mvc.perform(get(path).with(TestUsers.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
      }
    }
    out.add("projects=" + mongo.count(new Query(), "projects"));
    out.add("plans=" + mongo.count(new Query(), "annual_plans"));
    out.add("reports=" + mongo.count(new Query(), "progress_reports"));
    return out;
  }

  static Stream<Arguments> outOfScope() {
    RequestPostProcessor managerNc = TestUsers.managerNc();
    RequestPostProcessor coordHgt = TestUsers.coordHgt();
    RequestPostProcessor ownerHgt = TestUsers.ownerHgt();
    RequestPostProcessor ownerZg = TestUsers.ownerZg();
    List<Arguments> cases = new ArrayList<>();
    Object[][] calls = {
      {"GET /api/projects/{id}", getProject()},
      {"PATCH /api/projects/{id}", patchProject(RENAME)},
      {"GET /api/projects/{id}/plans/{year}", getPlan()},
      {"PUT /api/projects/{id}/plans/{year}", putPlan()},
      {"PUT /api/projects/{id}/progress-reports/{period}", putReport()},
      {"GET /api/projects/{id}/progress-reports/{period}", getReport()},
      {"GET /api/projects/{id}/progress-reports/{period}/revisions", getRevisions()},
      {"GET /api/projects/{id}/progress-reports", getReports()},
    };
    for (Object[] call : calls) {
      cases.add(Arguments.of(call[0] + " as manager.nc (other city)", managerNc, GZ, call[1]));
      cases.add(Arguments.of(call[0] + " as coord.hgt (other county)", coordHgt, GZ, call[1]));
      cases.add(Arguments.of(call[0] + " as owner.hgt (other org)", ownerHgt, GZ, call[1]));
      cases.add(
          Arguments.of(
              call[0] + " as owner.zg (same county, other org)", ownerZg, GZ_OTHER_ORG, call[1]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} → 404")
  @MethodSource("outOfScope")
  void outOfScopeIs404ProblemAndNothingChanges(
      String name, RequestPostProcessor who, String target, Call call) throws Exception {
    List<String> before = stored();
    mvc.perform(call.on(ids.get(target)).with(who))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Project " + ids.get(target) + " not found"));
    assertThat(stored()).isEqualTo(before);
  }

  static Stream<Arguments> wrongRole() {
    return Stream.of(
        Arguments.of("PATCH project as coord.zg", TestUsers.coordZg(), patchProject(RENAME)),
        Arguments.of("PATCH project as coord.gz", TestUsers.coordGz(), patchProject(RENAME)),
        Arguments.of("PATCH project as coord.jx", TestUsers.coordJx(), patchProject(RENAME)),
        Arguments.of("PATCH project as owner.zg", TestUsers.ownerZg(), patchProject(RENAME)),
        Arguments.of("PUT plan as coord.zg", TestUsers.coordZg(), putPlan()),
        Arguments.of("PUT plan as coord.jx", TestUsers.coordJx(), putPlan()),
        Arguments.of("PUT plan as owner.zg", TestUsers.ownerZg(), putPlan()),
        Arguments.of("PUT report as coord.zg", TestUsers.coordZg(), putReport()),
        Arguments.of("PUT report as manager.jx", TestUsers.managerJx(), putReport()),
        Arguments.of("PUT report as admin", TestUsers.admin(), putReport()));
  }

  @ParameterizedTest(name = "{0} → 403")
  @MethodSource("wrongRole")
  void aReaderWithTheWrongRoleIs403ProblemAndNothingChanges(
      String name, RequestPostProcessor who, Call call) throws Exception {
    mvc.perform(getProject().on(ids.get(GZ)).with(who)).andExpect(status().isOk());
    List<String> before = stored();
    mvc.perform(call.on(ids.get(GZ)).with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(stored()).isEqualTo(before);
  }

  static Stream<Arguments> rightRole() {
    return Stream.of(
        Arguments.of("PATCH project as manager.jx", TestUsers.managerJx(), patchProject(RENAME)),
        Arguments.of("PATCH project as admin", TestUsers.admin(), patchProject(RENAME)),
        Arguments.of("PUT plan as manager.jx", TestUsers.managerJx(), putPlan()),
        Arguments.of("PUT report as owner.zg", TestUsers.ownerZg(), putReport()));
  }

  /** The refused requests above are well formed: the right user gets them through. */
  @ParameterizedTest(name = "{0} → 2xx")
  @MethodSource("rightRole")
  void theSameRequestFromTheRightUserSucceeds(String name, RequestPostProcessor who, Call call)
      throws Exception {
    mvc.perform(call.on(ids.get(GZ)).with(who)).andExpect(status().is2xxSuccessful());
  }

  static Stream<Arguments> registeringOutsideOnesRole() {
    return Stream.of(
        Arguments.of("coord.zg", TestUsers.coordZg()),
        Arguments.of("coord.jx", TestUsers.coordJx()),
        Arguments.of("owner.zg", TestUsers.ownerZg()),
        Arguments.of("manager.nc (other city)", TestUsers.managerNc()));
  }

  @ParameterizedTest(name = "POST /api/projects in 360702 as {0} → 403")
  @MethodSource("registeringOutsideOnesRole")
  void registeringWithoutTheRightIs403ProblemAndNothingIsStored(
      String name, RequestPostProcessor who) throws Exception {
    List<String> before = stored();
    mvc.perform(
            post("/api/projects")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"2026-360702-48-01-000799","name":"越权登记","level":"COUNTY",
                     "regionCode":"360702","industry":"OTHER","ownerOrg":"org-gz-energy",
                     "ownerOrgName":"业主","totalInvestment":1,"plannedStart":"2027-01-01",
                     "plannedFinish":"2027-12-31"}
                    """))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aManagerMayNotMoveAProjectOutOfItsRegion() throws Exception {
    List<String> before = stored();
    mvc.perform(
            patchProject("{\"version\":0,\"regionCode\":\"360702\"}")
                .on(ids.get(NC))
                .with(TestUsers.managerNc()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(stored()).isEqualTo(before);
  }

  static Stream<Arguments> importers() {
    return Stream.of(
        Arguments.of("coord.zg", TestUsers.coordZg()),
        Arguments.of("coord.jx", TestUsers.coordJx()),
        Arguments.of("owner.zg", TestUsers.ownerZg()));
  }

  @ParameterizedTest(name = "POST /api/projects/import as {0} → 403")
  @MethodSource("importers")
  void importingWithoutTheRightIs403ProblemAndNothingIsStored(String name, RequestPostProcessor who)
      throws Exception {
    byte[] sheet =
        ProjectExcelApplicationTests.workbook(
            ProjectExcelApplicationTests.row("2026-360702-48-01-000798", "360702"));
    List<String> before = stored();
    mvc.perform(
            multipart("/api/projects/import")
                .file(ProjectExcelApplicationTests.file(sheet))
                .with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aManagerImportingARowOfAnotherRegionIsRefusedWholeWithTheRowNamed() throws Exception {
    byte[] sheet =
        ProjectExcelApplicationTests.workbook(
            ProjectExcelApplicationTests.row("2026-360113-48-01-000797", "360113"),
            ProjectExcelApplicationTests.row("2026-360702-48-01-000798", "360702"));
    List<String> before = stored();
    mvc.perform(
            multipart("/api/projects/import")
                .file(ProjectExcelApplicationTests.file(sheet))
                .with(TestUsers.managerNc()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("row 3: regionCode"));
    assertThat(stored()).isEqualTo(before);
  }

  /** Region filters on lists narrow the caller's scope; one outside it finds nothing. */
  @Test
  void aRegionFilterOutsideTheCallersScopeListsNothing() throws Exception {
    mvc.perform(get("/api/projects").param("regionCode", "360702").with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(0));
    mvc.perform(
            get("/api/progress-reports/missing")
                .param("period", "2026-11")
                .param("regionCode", "360702")
                .with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(
            get("/api/progress-reports/missing")
                .param("period", "2026-11")
                .param("regionCode", "360702")
                .with(TestUsers.coordZg()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2));
  }
}
