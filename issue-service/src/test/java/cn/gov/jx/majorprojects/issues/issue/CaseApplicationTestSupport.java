package cn.gov.jx.majorprojects.issues.issue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One application context for the case tests (cached across the classes that extend this): embedded
 * Mongo, a clock the tests move, WireMock standing in for project-service, notification-service and
 * Keycloak's token endpoint.
 */
@SpringBootTest(properties = {"management.server.port=0", "issues.scheduling-enabled=false"})
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, CaseApplicationTestSupport.FixedClock.class})
abstract class CaseApplicationTestSupport {

  // Thursday 26 November 2026, 10:00 Shanghai, with nanoseconds as a system clock has them
  static final Instant START = Instant.parse("2026-11-26T02:00:00.123456789Z");

  @TestConfiguration(proxyBeanMethods = false)
  static class FixedClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(START);
    }
  }

  static final WireMockServer remote =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    remote.start();
  }

  @DynamicPropertySource
  static void remotes(DynamicPropertyRegistry registry) {
    registry.add("issues.project-service-url", remote::baseUrl);
    registry.add("issues.notification-service-url", remote::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> remote.baseUrl() + "/realms/majorprojects/protocol/openid-connect/token");
  }

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired MutableClock clock;
  @Autowired CalendarService calendars;

  @BeforeEach
  void stubs() {
    clock.set(START);
    remote.resetAll();
    remote.stubFor(
        WireMock.post(urlEqualTo("/realms/majorprojects/protocol/openid-connect/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"svc-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    remote.stubFor(
        WireMock.get(urlEqualTo("/internal/projects/p-hgt"))
            .willReturn(
                okJson(
                    """
                    {"id":"p-hgt","code":"2022-360113-48-01-000123","name":"红谷滩地铁站",
                     "level":"PROVINCIAL","regionCode":"360113","ownerOrg":"org-nc-metro",
                     "ownerOrgName":"南昌地铁","status":"UNDER_CONSTRUCTION"}""")));
    remote.stubFor(
        WireMock.get(urlEqualTo("/internal/projects/p-zg"))
            .willReturn(
                okJson(
                    """
                    {"id":"p-zg","code":"2022-360702-44-01-000009","name":"章贡光伏",
                     "level":"CITY","regionCode":"360702","ownerOrg":"org-gz-energy",
                     "ownerOrgName":"赣州能源","status":"UNDER_CONSTRUCTION"}""")));
    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(202)));
  }

  String submit(RequestPostProcessor owner, String projectId, String title) throws Exception {
    String json =
        mvc.perform(
                post("/api/issues")
                    .with(owner)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"projectId":"%s","title":"%s","description":"征地拆迁未完成",
                         "category":"DEMOLITION","urgency":"NORMAL"}"""
                            .formatted(projectId, title)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.id");
  }

  ResultActions act(String id, String action, RequestPostProcessor user, String body)
      throws Exception {
    return mvc.perform(
        post("/api/issues/" + id + "/" + action)
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body == null ? "" : body));
  }

  ResultActions postJson(String path, RequestPostProcessor user, String body) throws Exception {
    return mvc.perform(
        post(path)
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body == null ? "" : body));
  }

  Document stored(String id) {
    return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "issues");
  }
}
