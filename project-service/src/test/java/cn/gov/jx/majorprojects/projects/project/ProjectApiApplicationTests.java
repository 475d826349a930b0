package cn.gov.jx.majorprojects.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.bson.types.Decimal128;
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
class ProjectApiApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @BeforeEach
  void empty() {
    mongo.remove(new Query(), Project.class);
  }

  static String body(String code, String region, String org, String name) {
    return """
        {"code":"%s","name":"%s","level":"PROVINCIAL","regionCode":"%s","industry":"TRANSPORT",
         "ownerOrg":"%s","ownerOrgName":"南昌轨道交通集团","totalInvestment":1234567.8901,
         "plannedStart":"2027-03-01","plannedFinish":"2029-12-31","description":"地铁线路"}
        """
        .formatted(code, name, region, org);
  }

  String create(RequestPostProcessor who, String json) throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(who)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  String hgtProject() throws Exception {
    return create(
        TestUsers.admin(), body("2026-360113-48-01-000001", "360113", "org-nc-metro", "南昌地铁5号线"));
  }

  @Test
  void adminRegistersAProjectWithChineseNamesAndDecimalAmountStoredAsDecimal128() throws Exception {
    String id = hgtProject();
    mvc.perform(get("/api/projects/" + id).with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("南昌地铁5号线"))
        .andExpect(jsonPath("$.ownerOrgName").value("南昌轨道交通集团"))
        .andExpect(jsonPath("$.status").value("PLANNED"))
        .andExpect(jsonPath("$.version").value(0))
        .andExpect(jsonPath("$.warning.level").value("GREEN"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("1234567.8901")));
    Document raw = mongo.getCollection("projects").find().first();
    assertThat(raw.get("totalInvestment")).isEqualTo(Decimal128.parse("1234567.8901"));
  }

  @Test
  void managerRegistersInsideItsRegionOnly() throws Exception {
    create(
        TestUsers.managerNc(),
        body("2026-360113-48-01-000002", "360113", "org-nc-metro", "红谷滩综合管廊"));
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.managerNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("2026-360702-48-01-000003", "360702", "org-gz-energy", "赣州电厂")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("2026-360113-48-01-000004", "360113", "org-nc-metro", "x")))
        .andExpect(status().isForbidden());
    assertThat(mongo.count(new Query(), Project.class)).isEqualTo(1);
  }

  @Test
  void duplicateCodeIs409() throws Exception {
    hgtProject();
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("2026-360113-48-01-000001", "360113", "org-nc-metro", "另一个")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void badInputIs400WithFieldReasonsAndNothingStored() throws Exception {
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("2026-3601-1", "360113", "org-nc-metro", "名")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("2026-360100-48-01-000001", "360100", "org-nc-metro", "名")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a county, not a CITY"));
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    body("2026-360113-48-01-000001", "360113", "org-nc-metro", "名")
                        .replace("TRANSPORT", "SPACE")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("industry"));
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    body("2026-360113-48-01-000001", "360113", "org-nc-metro", "名")
                        .replace("1234567.8901", "-1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("totalInvestment"));
    assertThat(mongo.count(new Query(), Project.class)).isZero();
  }

  @Test
  void outOfScopeIs404AndOwnersSeeOnlyTheirOrg() throws Exception {
    String id = hgtProject();
    mvc.perform(get("/api/projects/" + id).with(TestUsers.coordGz()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.ownerHgt())).andExpect(status().isOk());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.managerNc())).andExpect(status().isOk());
    mvc.perform(get("/api/projects/no-such-id").with(TestUsers.admin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void patchIsForAdminsAndManagersInScopeWithAFreshVersion() throws Exception {
    String id = hgtProject();
    String rename = "{\"version\":0,\"name\":\"南昌地铁五号线\"}";
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(rename))
        .andExpect(status().isForbidden());
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(rename))
        .andExpect(status().isForbidden());
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.coordGz())
                .contentType(MediaType.APPLICATION_JSON)
                .content(rename))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.managerNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(rename))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("南昌地铁五号线"))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"name\":\"stale\"}"))
        .andExpect(status().isConflict());
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"no version\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    mvc.perform(get("/api/projects/" + id).with(TestUsers.admin()))
        .andExpect(jsonPath("$.name").value("南昌地铁五号线"));
  }

  @Test
  void aControlCharacterInAFilterIs400ProblemNotTheUnfilteredList() throws Exception {
    for (String query : new String[] {"level=%00", "warning=%00", "status=RED%0A", "q=%09"}) {
      // a URI, not a template: a template would encode the % once more
      mvc.perform(get(java.net.URI.create("/api/projects?" + query)).with(TestUsers.admin()))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    // an empty filter is still "no filter"
    mvc.perform(get("/api/projects?level=&warning=").with(TestUsers.admin()))
        .andExpect(status().isOk());
  }

  @Test
  void lifecycleStepsAndConstructionSetsActualStart() throws Exception {
    String id = hgtProject();
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"status\":\"UNDER_CONSTRUCTION\"}"))
        .andExpect(status().isConflict());
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"status\":\"PRE_CONSTRUCTION\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.actualStart").doesNotExist());
    mvc.perform(
            patch("/api/projects/" + id)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"status\":\"UNDER_CONSTRUCTION\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UNDER_CONSTRUCTION"))
        .andExpect(jsonPath("$.actualStart").value("2026-11-26"));
  }

  @Test
  void listFiltersBySubtreeAndChineseTextWithinTheCallersScope() throws Exception {
    hgtProject();
    create(
        TestUsers.admin(), body("2026-360111-48-01-000005", "360111", "org-nc-water", "青山湖水环境治理"));
    create(
        TestUsers.admin(), body("2026-360702-48-01-000006", "360702", "org-gz-energy", "赣州抽水蓄能电站"));

    mvc.perform(get("/api/projects").param("regionCode", "360100").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(2));
    mvc.perform(get("/api/projects").param("q", "地铁").with(TestUsers.managerJx()))
        .andExpect(jsonPath("$.content[*].name", containsInAnyOrder("南昌地铁5号线")));
    mvc.perform(get("/api/projects").param("q", "000006").with(TestUsers.admin()))
        .andExpect(jsonPath("$.content[0].name").value("赣州抽水蓄能电站"));
    mvc.perform(get("/api/projects").with(TestUsers.coordGz()))
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].regionCode").value("360702"));
    mvc.perform(get("/api/projects").param("regionCode", "360000").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.totalElements").value(2));
    mvc.perform(get("/api/projects").with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].ownerOrg").value("org-nc-metro"));
    mvc.perform(
            get("/api/projects")
                .param("sort", "code,desc")
                .param("size", "2")
                .with(TestUsers.admin()))
        .andExpect(jsonPath("$.content[0].code").value("2026-360702-48-01-000006"))
        .andExpect(jsonPath("$.totalPages").value(2));
    mvc.perform(get("/api/projects").param("size", "101").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/projects").param("status", "BUILDING").with(TestUsers.admin()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void internalEndpointsAnswerServicesOnlyInTheContractShape() throws Exception {
    String id = hgtProject();
    mvc.perform(get("/internal/projects/" + id).with(TestUsers.admin()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/internal/projects/" + id).with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.code").value("2026-360113-48-01-000001"))
        .andExpect(jsonPath("$.regionCode").value("360113"))
        .andExpect(jsonPath("$.ownerOrg").value("org-nc-metro"))
        .andExpect(jsonPath("$.ownerOrgName").value("南昌轨道交通集团"))
        .andExpect(jsonPath("$.level").value("PROVINCIAL"))
        .andExpect(jsonPath("$.status").value("PLANNED"))
        .andExpect(jsonPath("$.totalInvestment").doesNotExist());
    mvc.perform(get("/internal/projects/6650f0f0f0f0f0f0f0f0f0f0").with(TestUsers.serviceClient()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/internal/projects")
                .param("ids", id + ",6650f0f0f0f0f0f0f0f0f0f0")
                .with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(id));
    mvc.perform(
            get("/internal/projects")
                .param("ownerOrg", "org-nc-metro")
                .with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(id));
    mvc.perform(
            get("/internal/projects")
                .param("ownerOrg", "org-nobody")
                .with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/internal/projects").param("ownerOrg", "org-nc-metro").with(TestUsers.admin()))
        .andExpect(status().isForbidden());
  }
}
