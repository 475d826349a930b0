package cn.gov.jx.majorprojects.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Admin-only actions (warning rules, region import, roll-up rebuild), the dashboard's roles and
 * region scope, and the internal API, from users who may not use them: 403/404 problems, nothing
 * changed.
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class AdminActionsApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  static Stream<Arguments> notAdmins() {
    return Stream.of(
        Arguments.of("manager.jx", TestUsers.managerJx()),
        Arguments.of("coord.jx", TestUsers.coordJx()),
        Arguments.of("owner.zg", TestUsers.ownerZg()));
  }

  String rules() throws Exception {
    return mvc.perform(get("/api/warning-rules").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @ParameterizedTest(name = "PUT /api/warning-rules as {0} → 403")
  @MethodSource("notAdmins")
  void warningRulesAreChangedByAnAdminOnly(String name, RequestPostProcessor who) throws Exception {
    String before = rules();
    mvc.perform(
            put("/api/warning-rules")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"startSlipYellowMonths":5,"startSlipRedMonths":20,"paceYellowPoints":50,
                     "paceRedPoints":90,"suspendedIsRed":false,"missingReportIsYellow":false}
                    """))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(rules()).isEqualTo(before);
  }

  @ParameterizedTest(name = "POST /api/regions/import as {0} → 403")
  @MethodSource("notAdmins")
  void regionsAreImportedByAnAdminOnly(String name, RequestPostProcessor who) throws Exception {
    long before = mongo.count(new Query(), "regions");
    mvc.perform(
            post("/api/regions/import")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    [{"code":"110000","name":"北京市","level":"PROVINCE","parent":null},
                     {"code":"110100","name":"市辖区","level":"CITY","parent":"110000"},
                     {"code":"110101","name":"东城区","level":"COUNTY","parent":"110100"}]
                    """))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(mongo.count(new Query(), "regions")).isEqualTo(before);
    mvc.perform(get("/api/regions/110000").with(TestUsers.admin()))
        .andExpect(status().isNotFound());
  }

  @ParameterizedTest(name = "POST /api/dashboard/rebuild as {0} → 403")
  @MethodSource("notAdmins")
  void rollUpsAreRebuiltByAnAdminOnly(String name, RequestPostProcessor who) throws Exception {
    // a rebuild empties the roll-ups first, so a marker that survives shows none ran
    Query marker = Query.query(Criteria.where("_id").is("marker:2026"));
    mongo.remove(marker, "dashboard_rollups");
    mongo.insert(new Document("_id", "marker:2026"), "dashboard_rollups");
    mvc.perform(post("/api/dashboard/rebuild").with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(mongo.exists(marker, "dashboard_rollups")).isTrue();
    mongo.remove(marker, "dashboard_rollups");
  }

  static Stream<Arguments> owners() {
    return Stream.of(
        Arguments.of("owner.zg", TestUsers.ownerZg(), "360702"),
        Arguments.of("owner.hgt", TestUsers.ownerHgt(), "360113"));
  }

  @ParameterizedTest(name = "GET /api/dashboard?regionCode={2} as {0} → 403")
  @MethodSource("owners")
  void ownersMayNotReadTheDashboardOfTheirOwnCounty(
      String name, RequestPostProcessor who, String region) throws Exception {
    mvc.perform(get("/api/dashboard").param("regionCode", region).with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  static Stream<Arguments> otherRegions() {
    return Stream.of(
        Arguments.of("manager.nc", TestUsers.managerNc(), "360702"),
        Arguments.of("coord.hgt", TestUsers.coordHgt(), "360702"),
        Arguments.of("coord.hgt", TestUsers.coordHgt(), "360100"),
        Arguments.of("coord.gz", TestUsers.coordGz(), "360000"));
  }

  @ParameterizedTest(name = "GET /api/dashboard?regionCode={2} as {0} → 404")
  @MethodSource("otherRegions")
  void aDashboardOutsideTheCallersRegionIs404Problem(
      String name, RequestPostProcessor who, String region) throws Exception {
    mvc.perform(get("/api/dashboard").param("regionCode", region).with(who))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  static Stream<Arguments> users() {
    return Stream.of(
        Arguments.of("admin", TestUsers.admin()),
        Arguments.of("coord.zg", TestUsers.coordZg()),
        Arguments.of("owner.zg", TestUsers.ownerZg()));
  }

  @ParameterizedTest(name = "GET /internal/projects[/id], /internal/regions as {0} → 403")
  @MethodSource("users")
  void theInternalApiRefusesUserTokens(String name, RequestPostProcessor who) throws Exception {
    mvc.perform(get("/internal/projects/6650f0f0f0f0f0f0f0f0f0f0").with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/internal/regions").with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/internal/projects").param("ids", "a,b").with(who))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void regionsArePublicReferenceDataForEverySignedInUser() throws Exception {
    mvc.perform(get("/api/regions/360702").with(TestUsers.ownerHgt())).andExpect(status().isOk());
    mvc.perform(get("/api/regions/360113").with(TestUsers.coordGz())).andExpect(status().isOk());
  }
}
