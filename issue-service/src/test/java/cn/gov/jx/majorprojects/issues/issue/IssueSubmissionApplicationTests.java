package cn.gov.jx.majorprojects.issues.issue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.support.client.ServiceToken;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * POST /api/issues against WireMock stand-ins for project-service and Keycloak's token endpoint.
 */
@SpringBootTest(properties = {"management.server.port=0"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
@DirtiesContext
class IssueSubmissionApplicationTests {

  static final WireMockServer remote =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    remote.start();
  }

  @DynamicPropertySource
  static void remotes(DynamicPropertyRegistry registry) {
    registry.add("issues.project-service-url", remote::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> remote.baseUrl() + "/realms/majorprojects/protocol/openid-connect/token");
  }

  @AfterAll
  static void stop() {
    remote.stop();
  }

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired CalendarService calendars;
  @Autowired ServiceToken serviceToken;

  static final String HGT_PROJECT =
      """
      {"id":"p-hgt","code":"2022-360113-48-01-000123","name":"红谷滩地铁站","level":"PROVINCIAL",
       "regionCode":"360113","ownerOrg":"org-nc-metro","ownerOrgName":"南昌地铁","status":"UNDER_CONSTRUCTION"}""";

  @BeforeEach
  void stubs() {
    remote.resetAll();
    remote.stubFor(
        post(urlEqualTo("/realms/majorprojects/protocol/openid-connect/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"svc-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-hgt"))
            .withHeader("Authorization", equalTo("Bearer svc-token"))
            .willReturn(okJson(HGT_PROJECT)));
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-unknown"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":404,\"title\":\"Not Found\"}")));
  }

  @Test
  void aServicesTokenThePeerRefusesIsReplacedAndTheLookupMadeAgain() throws Exception {
    // Keycloak's keys changed (a restart with a fresh realm): project-service refuses the held
    // token
    serviceToken.invalidate();
    String tokenPath = "/realms/majorprojects/protocol/openid-connect/token";
    remote.stubFor(
        post(urlEqualTo(tokenPath))
            .inScenario("rotation")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willSetStateTo("rotated")
            .willReturn(
                okJson(
                    "{\"access_token\":\"old-keys\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    remote.stubFor(
        post(urlEqualTo(tokenPath))
            .inScenario("rotation")
            .whenScenarioStateIs("rotated")
            .willReturn(
                okJson(
                    "{\"access_token\":\"svc-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-hgt"))
            .withHeader("Authorization", equalTo("Bearer old-keys"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":401,\"title\":\"Unauthorized\"}")));

    submit(TestUsers.ownerHgt(), body("p-hgt", "令牌轮换后仍可上报"), null).andExpect(status().isCreated());

    remote.verify(2, postRequestedFor(urlEqualTo(tokenPath)));
    remote.verify(2, getRequestedFor(urlEqualTo("/internal/projects/p-hgt")));
  }

  static String body(String projectId, String title) {
    return """
        {"projectId":"%s","title":"%s","description":"征地拆迁未完成，盾构无法进场",
         "category":"DEMOLITION","urgency":"NORMAL"}"""
        .formatted(projectId, title);
  }

  org.springframework.test.web.servlet.ResultActions submit(
      RequestPostProcessor user, String json, String key) throws Exception {
    var request =
        MockMvcRequestBuilders.post("/api/issues")
            .with(user)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return mvc.perform(request);
  }

  long issueCount() {
    return mongo.getCollection("issues").countDocuments();
  }

  @Test
  void ownerReportsABlockerThatStartsOpenAtItsCountyWithDeadlines() throws Exception {
    MvcResult result =
        submit(TestUsers.ownerHgt(), body("p-hgt", "盾构进场受阻"), null)
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", matchesPattern("/api/issues/.+")))
            .andExpect(jsonPath("$.number", matchesPattern("JX-\\d{4}-\\d{6}")))
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andExpect(jsonPath("$.level").value("COUNTY"))
            .andExpect(jsonPath("$.handlingRegion").value("360113"))
            .andExpect(jsonPath("$.projectName").value("红谷滩地铁站"))
            .andExpect(jsonPath("$.title").value("盾构进场受阻"))
            .andExpect(jsonPath("$.warning").value("GREEN"))
            .andExpect(jsonPath("$.policyVersion").value(1))
            .andExpect(jsonPath("$.reporter").value("owner.hgt"))
            .andReturn();
    String json = result.getResponse().getContentAsString();
    Instant createdAt = Instant.parse(JsonPath.read(json, "$.createdAt"));
    var calendar = calendars.workingCalendar();
    assertThat(Instant.parse(JsonPath.<String>read(json, "$.dueAt")))
        .isEqualTo(calendar.deadline(createdAt, 5));
    assertThat(Instant.parse(JsonPath.<String>read(json, "$.acceptDueAt")))
        .isEqualTo(calendar.deadline(createdAt, 1));
    // the lookup carried the services client's token
    remote.verify(
        getRequestedFor(urlPathEqualTo("/internal/projects/p-hgt"))
            .withHeader("Authorization", equalTo("Bearer svc-token")));

    // the county's coordinator and the city's see it; another city's and another org's do not
    String id = JsonPath.read(json, "$.id");
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value(JsonPath.<String>read(json, "$.number")));
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.coordNc()))
        .andExpect(status().isOk());
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.managerJx()))
        .andExpect(status().isOk());
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.ownerHgt()))
        .andExpect(status().isOk());
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.coordGz()))
        .andExpect(status().isNotFound());
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound());
  }

  @Test
  void numbersAreSequentialPerYear() throws Exception {
    String first =
        submit(TestUsers.ownerHgt(), body("p-hgt", "一"), null)
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        submit(TestUsers.ownerHgt(), body("p-hgt", "二"), null)
            .andReturn()
            .getResponse()
            .getContentAsString();
    String a = JsonPath.read(first, "$.number");
    String b = JsonPath.read(second, "$.number");
    assertThat(a.substring(0, 8)).isEqualTo(b.substring(0, 8));
    assertThat(Integer.parseInt(b.substring(8))).isEqualTo(Integer.parseInt(a.substring(8)) + 1);
  }

  @Test
  void anotherOrgsProjectOrAnUnknownOneIs404AndNothingIsStored() throws Exception {
    long before = issueCount();
    submit(TestUsers.ownerZg(), body("p-hgt", "不是我的项目"), null)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    submit(TestUsers.ownerHgt(), body("p-unknown", "不存在"), null).andExpect(status().isNotFound());
    assertThat(issueCount()).isEqualTo(before);
  }

  @Test
  void onlyOwnersReport() throws Exception {
    submit(TestUsers.coordHgt(), body("p-hgt", "协调员不能报"), null).andExpect(status().isForbidden());
  }

  @Test
  void projectServiceFailingOrDownIs503Problem() throws Exception {
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-hgt")).willReturn(aResponse().withStatus(500)));
    submit(TestUsers.ownerHgt(), body("p-hgt", "项目服务出错"), null)
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-hgt"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    long before = issueCount();
    submit(TestUsers.ownerHgt(), body("p-hgt", "项目服务宕机"), null)
        .andExpect(status().isServiceUnavailable());
    assertThat(issueCount()).isEqualTo(before);
  }

  /**
   * A peer that answers only after 10 s, or answers 200 with something that is not a project: the
   * intake fails with this service's own 503 problem within its read timeout (5 s), stores nothing.
   */
  @Test
  void projectServiceAnsweringSlowlyOrWithGarbageIs503ProblemWithinTheTimeout() throws Exception {
    long before = issueCount();
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-hgt"))
            .willReturn(okJson(HGT_PROJECT).withFixedDelay(10_000)));
    long started = System.nanoTime();
    submit(TestUsers.ownerHgt(), body("p-hgt", "项目服务很慢"), null)
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("project-service")));
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(java.time.Duration.ofSeconds(9));
    for (String garbage :
        List.of("<html>502 Bad Gateway</html>", "{\"id\":", "[1,2,3]", "x".repeat(300_000))) {
      remote.stubFor(
          get(urlEqualTo("/internal/projects/p-hgt"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(garbage)));
      submit(TestUsers.ownerHgt(), body("p-hgt", "项目服务乱答"), null)
          .andExpect(status().isServiceUnavailable())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(issueCount()).isEqualTo(before);
  }

  /**
   * A 200 from project-service that is not the project asked for — another shape, a project without
   * region or owner, another project, no body at all, or 10 MB (over the 4 MB bound on a peer's
   * answer) — is a 503 problem, never a 404 "no such project" and never a case built from it; a
   * milestone list that is no list is a 503 too.
   */
  @Test
  void projectServiceAnsweringTheWrongShapeNothingOrTenMegabytesIs503AndStoresNothing()
      throws Exception {
    long before = issueCount();
    List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> answers =
        List.of(
            okJson("{\"unexpected\":true}"),
            okJson("{\"id\":\"p-hgt\",\"name\":\"x\",\"ownerOrg\":\"org-nc-metro\"}"),
            okJson(HGT_PROJECT.replace("\"id\":\"p-hgt\"", "\"id\":\"p-other\"")),
            aResponse().withStatus(200).withHeader("Content-Type", "application/json"),
            okJson(HGT_PROJECT.replace("红谷滩地铁站", "长".repeat(10 * 1024 * 1024 / 3))));
    for (var answer : answers) {
      remote.stubFor(get(urlEqualTo("/internal/projects/p-hgt")).willReturn(answer));
      submit(TestUsers.ownerHgt(), body("p-hgt", "项目服务答非所问"), null)
          .andExpect(status().isServiceUnavailable())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.status").value(503));
    }
    remote.stubFor(get(urlEqualTo("/internal/projects/p-hgt")).willReturn(okJson(HGT_PROJECT)));
    remote.stubFor(
        get(urlEqualTo("/internal/projects/p-hgt/milestones"))
            .willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
    submit(
            TestUsers.ownerHgt(),
            body("p-hgt", "里程碑答空").replace("}", ",\"milestoneIds\":[\"ms-a\"]}"),
            null)
        .andExpect(status().isServiceUnavailable());
    assertThat(issueCount()).isEqualTo(before);
  }

  @Test
  void badInputIs400WithFieldsAndNothingStored() throws Exception {
    long before = issueCount();
    String tooLong = "长".repeat(201);
    submit(
            TestUsers.ownerHgt(),
            """
            {"projectId":"p-hgt","title":"%s","description":"x","urgency":"NORMAL"}"""
                .formatted(tooLong),
            null)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem("title")))
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem("category")));
    submit(TestUsers.ownerHgt(), body("p-hgt", "x").replace("DEMOLITION", "WEATHER"), null)
        .andExpect(status().isBadRequest());
    submit(
            TestUsers.ownerHgt(),
            body("p-hgt", "x").replace("}", ",\"helpWanted\":\"%s\"}".formatted("帮".repeat(2001))),
            null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem("helpWanted")));
    assertThat(issueCount()).isEqualTo(before);
  }

  @Test
  void theHelpWantedIsKeptWithTheCaseAndPartOfWhatARetryMustRepeat() throws Exception {
    String withHelp = body("p-hgt", "电力接入").replace("}", ",\"helpWanted\":\"  请协调供电公司提前接入  \"}");
    String id =
        JsonPath.read(
            submit(TestUsers.ownerHgt(), withHelp, "key-help-1")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.helpWanted").value("请协调供电公司提前接入"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(MockMvcRequestBuilders.get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.helpWanted").value("请协调供电公司提前接入"));
    // the same key with other help wanted is another request
    submit(TestUsers.ownerHgt(), withHelp.replace("提前", "尽快"), "key-help-1")
        .andExpect(status().isConflict());
    // it is optional: without it the case has none
    submit(TestUsers.ownerHgt(), body("p-hgt", "无求助"), null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.helpWanted").value(org.hamcrest.Matchers.nullValue()));
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheFirstAnswerAndADifferentBodyIs409() throws Exception {
    long before = issueCount();
    String first =
        submit(TestUsers.ownerHgt(), body("p-hgt", "重试"), "key-retry-1")
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String again =
        submit(TestUsers.ownerHgt(), body("p-hgt", "重试"), "key-retry-1")
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    assertThat(JsonPath.<String>read(again, "$.number"))
        .isEqualTo(JsonPath.read(first, "$.number"));
    submit(TestUsers.ownerHgt(), body("p-hgt", "换了内容"), "key-retry-1")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(issueCount()).isEqualTo(before + 1);
  }

  /**
   * Keys are the reporter's own: another owner (even of the same organisation, same project, same
   * body) who sends a key already used is a new request with a new case, and another organisation's
   * owner gets the usual 404 — neither ever sees the first owner's case.
   */
  @Test
  void theSameKeyFromAnotherOwnerIsANewCaseNeverTheFirstOwnersOne() throws Exception {
    long before = issueCount();
    String first =
        submit(TestUsers.ownerHgt(), body("p-hgt", "别人的键"), "key-shared-1")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String firstId = JsonPath.read(first, "$.id");
    String firstNumber = JsonPath.read(first, "$.number");

    RequestPostProcessor colleague =
        TestUsers.user("owner.hgt2", "owner", "360113", "org-nc-metro");
    String second =
        submit(colleague, body("p-hgt", "别人的键"), "key-shared-1")
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andExpect(jsonPath("$.reporter").value("owner.hgt2"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(second, "$.id")).isNotEqualTo(firstId);
    assertThat(second).doesNotContain(firstNumber);

    String otherOrg =
        submit(TestUsers.ownerZg(), body("p-hgt", "别人的键"), "key-shared-1")
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(otherOrg).doesNotContain(firstId).doesNotContain(firstNumber);
    assertThat(issueCount()).isEqualTo(before + 2);
  }

  /**
   * A reporter's key used to be "username:key", so "owner.hgt" sending key "x:k" meant the same as
   * "owner.hgt:x" sending "k" — and the replay answered with the other reporter's case, before any
   * organisation check. Keycloak's default user profile refuses ':' in a username, but a realm
   * without that validator, or users federated from a directory, may have one.
   */
  @Test
  void aKeyThatSpellsAnotherReportersUsernameAndKeyIsStillOnlyTheSendersOwn() throws Exception {
    long before = issueCount();
    RequestPostProcessor colonName =
        TestUsers.user("owner.hgt:x", "owner", "360113", "org-nc-metro");
    String first =
        submit(colonName, body("p-hgt", "冒号"), "k")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        submit(TestUsers.ownerHgt(), body("p-hgt", "冒号"), "x:k")
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andExpect(jsonPath("$.reporter").value("owner.hgt"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(second, "$.id")).isNotEqualTo(JsonPath.read(first, "$.id"));
    assertThat(issueCount()).isEqualTo(before + 2);
  }

  @Test
  void concurrentRetriesCreateOneIssue() throws Exception {
    long before = issueCount();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<MvcResult>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> submit(TestUsers.ownerHgt(), body("p-hgt", "并发"), "key-race").andReturn());
      }
      Set<String> ids = new HashSet<>();
      for (Future<MvcResult> f : pool.invokeAll(calls)) {
        MvcResult r = f.get();
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        ids.add(JsonPath.read(r.getResponse().getContentAsString(), "$.id"));
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(issueCount()).isEqualTo(before + 1);
  }
}
