package cn.gov.jx.majorprojects.projects.region;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class RegionImportApplicationTests {

  static final String BEIJING =
      """
      [{"code":"110000","name":"北京市","level":"PROVINCE","parent":null},
       {"code":"110100","name":"市辖区","level":"CITY","parent":"110000"},
       {"code":"110101","name":"东城区","level":"COUNTY","parent":"110100"}]
      """;

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired RegionCatalog catalog;

  @AfterEach
  void forgetImported() {
    mongo.remove(Query.query(Criteria.where("_id").regex("^11")), "regions");
    catalog.reload();
  }

  ResultActions importAs(RequestPostProcessor who, String divisions) throws Exception {
    return mvc.perform(
        post("/api/regions/import")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(divisions));
  }

  @Test
  void anAdminImportsAProvinceAndTheHomeTreeStaysTheRoot() throws Exception {
    importAs(TestUsers.admin(), BEIJING)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(3));
    mvc.perform(get("/api/regions/110000").with(TestUsers.coordJx()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.children[0].children[0].name").value("东城区"));
    mvc.perform(get("/api/regions").with(TestUsers.coordJx()))
        .andExpect(jsonPath("$.code").value("360000"));
  }

  @Test
  void anImportedProvinceReachesTheOtherServicesAndItsOwnOfficials() throws Exception {
    importAs(TestUsers.admin(), BEIJING).andExpect(status().isCreated());
    // what issue-service and notification-service follow
    mvc.perform(get("/internal/regions").with(TestUsers.serviceClient()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(115))
        .andExpect(jsonPath("$[?(@.code=='110101')].parent").value("110100"));
    // one scoping rule: Beijing's manager sees Beijing's dashboard, Jiangxi's does not
    mvc.perform(
            get("/api/dashboard")
                .param("regionCode", "110101")
                .with(TestUsers.user("manager.bj", "manager", "110000")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("110101"));
    mvc.perform(get("/api/dashboard").param("regionCode", "110101").with(TestUsers.managerJx()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aMalformedTreeIsRefusedWholeWithItsReasons() throws Exception {
    String broken =
        BEIJING.replace("]", ",")
            + """
              {"code":"110201","name":"密云区","level":"COUNTY","parent":"110200"},
              {"code":"1102","name":"短码","level":"COUNTY","parent":"110100"}]
              """;
    importAs(TestUsers.admin(), broken)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(
            jsonPath("$.errors[?(@.field=='parent')].message")
                .value("110201: parent 110200 is not listed"))
        .andExpect(
            jsonPath("$.errors[?(@.field=='[4].code')].message")
                .value("must be 6 digits, was 1102"));
    // nothing stored, not even the well-formed part
    mvc.perform(get("/api/regions/110000").with(TestUsers.admin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void onlyAnAdminImports() throws Exception {
    importAs(TestUsers.managerJx(), BEIJING).andExpect(status().isForbidden());
    mvc.perform(get("/api/regions/110000").with(TestUsers.admin()))
        .andExpect(status().isNotFound());
  }
}
