package cn.gov.jx.majorprojects.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.notifications.inbox.Notification;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/** Full context, embedded MongoDB, Keycloak's token endpoint and Admin REST API on WireMock. */
@SpringBootTest(
    properties = {
      "management.server.port=0",
      "notifications.events.sweep-interval=1h",
      "notifications.keycloak.cache-ttl=0s"
    })
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class NotificationServiceApplicationTests {

  static final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    keycloak.start();
  }

  @DynamicPropertySource
  static void keycloak(DynamicPropertyRegistry registry) {
    registry.add("notifications.keycloak.admin-url", keycloak::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> keycloak.baseUrl() + "/realms/majorprojects/protocol/openid-connect/token");
  }

  @AfterAll
  static void stop() {
    keycloak.stop();
  }

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @BeforeEach
  void realm() {
    // documents only: dropping the database would drop the unique indexes made at startup
    mongo
        .getCollectionNames()
        .forEach(c -> mongo.getCollection(c).deleteMany(new org.bson.Document()));
    keycloak.resetAll();
    keycloak.stubFor(
        WireMock.post(urlPathEqualTo("/realms/majorprojects/protocol/openid-connect/token"))
            .willReturn(
                okJson("{\"access_token\":\"svc\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    stubRole(
        "coordinator",
        """
        [{"username":"coord.hgt","enabled":true,"attributes":{"region":["360113"]}},
         {"username":"coord.nc","enabled":true,"attributes":{"region":["360100"]}},
         {"username":"coord.gz","enabled":true,"attributes":{"region":["360700"]}}]""");
    stubRole(
        "owner",
        """
        [{"username":"owner.hgt","enabled":true,"attributes":{"region":["360113"],"org":["org-nc-metro"]}},
         {"username":"owner.zg","enabled":true,"attributes":{"region":["360702"],"org":["org-gz-energy"]}}]""");
    stubRole(
        "manager",
        """
        [{"username":"manager.nc","enabled":true,"attributes":{"region":["360100"]}},
         {"username":"manager.jx","enabled":true,"attributes":{"region":["360000"]}}]""");
  }

  static void stubRole(String role, String users) {
    keycloak.stubFor(
        WireMock.get(urlPathEqualTo("/admin/realms/majorprojects/roles/" + role + "/users"))
            .willReturn(okJson(users)));
  }

  @Test
  void anEventPostedTwiceIsAcceptedOnceAndLandsInTheInboxOnce() throws Exception {
    String id = UUID.randomUUID().toString();
    postEvent(event(id, "ESCALATED", 1, "coord.hgt", "360100")).andExpect(status().isAccepted());
    postEvent(event(id, "ESCALATED", 1, "coord.hgt", "360100")).andExpect(status().isOk());

    mvc.perform(MockMvcRequestBuilders.get("/api/notifications").with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].type").value("ESCALATED"))
        .andExpect(jsonPath("$.content[0].text").value("【JX-2026-000123】问题已提级：征地拆迁受阻"))
        .andExpect(
            jsonPath("$.content[0].textEn").value("[JX-2026-000123] Issue escalated: 征地拆迁受阻"))
        .andExpect(jsonPath("$.content[0].link").value("/issues/issue-1"))
        .andExpect(jsonPath("$.content[0].read").value(false));
    // the actor and the out-of-scope city hear nothing; the Admin API was asked with the token
    assertThat(inboxSize(TestUsers.coordHgt())).isZero();
    assertThat(inboxSize(TestUsers.coordGz())).isZero();
    assertThat(inboxSize(TestUsers.ownerHgt())).isEqualTo(1);
    keycloak.verify(
        getRequestedFor(urlPathMatching("/admin/realms/majorprojects/roles/.*/users"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer svc")));
  }

  @Test
  void aBlockerTiedToAMilestoneByTheCityReachesTheOwnerOrganisationsInbox() throws Exception {
    postEvent(event(UUID.randomUUID().toString(), "MILESTONES_CHANGED", 1, "coord.nc", "360100"))
        .andExpect(status().isAccepted());

    mvc.perform(MockMvcRequestBuilders.get("/api/notifications").with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].type").value("MILESTONES_CHANGED"))
        .andExpect(jsonPath("$.content[0].text").value("【JX-2026-000123】问题卡住的年度计划节点有变化：征地拆迁受阻"))
        .andExpect(jsonPath("$.content[0].link").value("/issues/issue-1"));
    // the coordinator who tied it hears nothing of its own change, nor does another city
    assertThat(inboxSize(TestUsers.coordNc())).isZero();
    assertThat(inboxSize(TestUsers.coordGz())).isZero();
  }

  @Test
  void aMalformedEventIs400ProblemAndNothingIsStored() throws Exception {
    postEvent(
            """
        {"eventId":"e-bad","source":"issue-service","type":"ESCALATED","sequence":1,
         "subject":{"kind":"ISSUE","id":"i","projectRegion":"36"}}""")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'occurredAt')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'subject.projectRegion')]").exists());
    postEvent("{\"eventId\":\"e-bad2\",\"type\":\"NO_SUCH_TYPE\"}")
        .andExpect(status().isBadRequest());
    assertThat(mongo.getCollection("events").countDocuments()).isZero();
  }

  @Test
  void eventsPostedWithAUserTokenAreRefused() throws Exception {
    mvc.perform(
            post("/internal/events")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(event(UUID.randomUUID().toString(), "ESCALATED", 1, null, "360100")))
        .andExpect(status().isForbidden());
    assertThat(mongo.getCollection("events").countDocuments()).isZero();
  }

  @Test
  void anEarlyEventWaitsForItsPredecessor() throws Exception {
    postEvent(event("s1", "SUBMITTED", 1, "owner.hgt", "360113")).andExpect(status().isAccepted());
    postEvent(event("s3", "RETURNED", 3, "coord.nc", "360113")).andExpect(status().isAccepted());
    assertThat(types(TestUsers.coordHgt())).containsExactly("SUBMITTED");

    postEvent(event("s2", "ESCALATED", 2, "coord.hgt", "360100")).andExpect(status().isAccepted());
    // newest first: RETURNED was applied after ESCALATED
    assertThat(types(TestUsers.ownerHgt())).containsExactly("RETURNED", "ESCALATED");
    assertThat(types(TestUsers.coordHgt())).containsExactly("RETURNED", "SUBMITTED");
  }

  @Test
  void keycloakDownKeepsTheEventAndALaterSweepDeliversIt() throws Exception {
    keycloak.resetAll();
    keycloak.stubFor(
        WireMock.post(urlPathMatching(".*/token")).willReturn(aResponse().withStatus(503)));
    postEvent(event("k1", "ESCALATED", 1, "coord.hgt", "360100")).andExpect(status().isAccepted());
    assertThat(inboxSize(TestUsers.coordNc())).isZero();

    keycloak.resetAll();
    stubRole(
        "coordinator",
        """
        [{"username":"coord.nc","enabled":true,"attributes":{"region":["360100"]}}]""");
    stubRole("owner", "[]");
    sweeper.sweep();
    assertThat(inboxSize(TestUsers.coordNc())).isEqualTo(1);
  }

  /**
   * Keycloak's Admin API answering 200 with a user list of the wrong shape, or with no body: the
   * event is kept and nobody is notified (no made-up recipient, no "nobody has the role"); a later
   * sweep with a sound answer delivers it once.
   */
  @Test
  void aMalformedAdminApiAnswerKeepsTheEventAndNotifiesNobodyUntilASoundOne() throws Exception {
    stubRole("coordinator", "[{\"unexpected\":true,\"attributes\":{\"region\":[\"360100\"]}}]");
    postEvent(event("k2", "ESCALATED", 1, "coord.hgt", "360100")).andExpect(status().isAccepted());
    keycloak.stubFor(
        WireMock.get(urlPathEqualTo("/admin/realms/majorprojects/roles/coordinator/users"))
            .willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
    sweeper.sweep();
    assertThat(mongo.getCollection("notifications").countDocuments()).isZero();
    assertThat(mongo.getCollection("deliveries").countDocuments()).isZero();

    stubRole(
        "coordinator",
        """
        [{"username":"coord.nc","enabled":true,"attributes":{"region":["360100"]}}]""");
    sweeper.sweep();
    sweeper.sweep();
    assertThat(inboxSize(TestUsers.coordNc())).isEqualTo(1);
  }

  @Test
  void readingMarksOnlyTheCallersOwnNotifications() throws Exception {
    postEvent(event("r1", "TURNED_RED", 1, null, "360100")).andExpect(status().isAccepted());
    String id = firstId(TestUsers.coordNc());
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notifications/unread-count").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.count").value(1));

    mvc.perform(post("/api/notifications/" + id + "/read").with(TestUsers.managerNc()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/notifications/" + id + "/read").with(TestUsers.coordNc()))
        .andExpect(status().isNoContent());
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notifications/unread-count").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.count").value(0));
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notifications?unread=true").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.totalElements").value(0));
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notifications/unread-count")
                .with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.count").value(1));

    mvc.perform(post("/api/notifications/read-all").with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.marked").value(1));
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notifications/unread-count")
                .with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.count").value(0));
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notifications/unread-count")
                .with(TestUsers.managerJx()))
        .andExpect(jsonPath("$.count").value(1));
  }

  @Test
  void anOpenStreamReceivesANewNotificationOfItsUserOnly() throws Exception {
    MvcResult nc = openStream(TestUsers.coordNc());
    MvcResult gz =
        mvc.perform(
                MockMvcRequestBuilders.get("/api/notifications/stream").with(TestUsers.coordGz()))
            .andReturn();

    postEvent(event("sse1", "ESCALATED", 1, "coord.hgt", "360100"))
        .andExpect(status().isAccepted());

    assertThat(nc.getResponse().getContentAsString())
        .contains("event:ready")
        .contains("event:notification")
        .contains("JX-2026-000123");
    assertThat(gz.getResponse().getContentAsString()).doesNotContain("JX-2026-000123");
  }

  /**
   * Two replicas share the database: a notification another replica wrote (here: inserted straight
   * into the collection) reaches the stream open on this one within the feed's poll interval; one
   * this replica wrote and pushed itself is not pushed a second time by its feed.
   */
  @Test
  void aNotificationWrittenByAnotherReplicaReachesTheStreamHereAndNoneArrivesTwice()
      throws Exception {
    MvcResult nc = openStream(TestUsers.coordNc());
    Instant now = Instant.now();
    mongo.insert(
        new Notification(
            null,
            "elsewhere-1",
            "coord.nc",
            "ESCALATED",
            "【JX-2026-000999】问题已上报至本级",
            "[JX-2026-000999] Escalated to you",
            "ISSUE",
            "issue-999",
            "JX-2026-000999",
            "p-1",
            "/issues/issue-999",
            false,
            now,
            now));
    postEvent(event("sse2", "ESCALATED", 1, "coord.hgt", "360100"))
        .andExpect(status().isAccepted());

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(nc.getResponse().getContentAsString()).contains("JX-2026-000999"));
    // several feed looks later, each notification is in the stream once
    Thread.sleep(1000);
    String stream = nc.getResponse().getContentAsString();
    assertThat(stream.split("JX-2026-000999\\]", -1)).hasSize(2);
    assertThat(stream.split("JX-2026-000123\\]", -1)).hasSize(2);
  }

  MvcResult openStream(org.springframework.test.web.servlet.request.RequestPostProcessor user)
      throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get("/api/notifications/stream").with(user))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.request()
                .asyncStarted())
        .andReturn();
  }

  @Test
  void preferencesStartWithQuietNightsAndOutsideChannelsOff() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notification-preferences").with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.channels.email.enabled").value(false))
        .andExpect(jsonPath("$.channels.sms.enabled").value(false))
        .andExpect(jsonPath("$.channels.webhook.enabled").value(false))
        .andExpect(jsonPath("$.quietHours.start").value("22:00"))
        .andExpect(jsonPath("$.quietHours.end").value("07:00"))
        .andExpect(jsonPath("$.quietHours.zone").value("Asia/Shanghai"));
  }

  @Test
  void preferencesAreSavedPerUser() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.put("/api/notification-preferences")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    preferences(
                        "coord.nc@example.cn",
                        "13800138000",
                        "https://1.1.1.1/hook",
                        "[\"MESSAGE_POSTED\"]")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.channels.sms.phone").value("13800138000"));
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notification-preferences").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.mutedTypes[0]").value("MESSAGE_POSTED"))
        .andExpect(jsonPath("$.channels.email.address").value("coord.nc@example.cn"));
    mvc.perform(
            MockMvcRequestBuilders.get("/api/notification-preferences").with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.channels.email.enabled").value(false));
  }

  @Test
  void badPreferencesAre400NamingEachFieldAndNothingIsSaved() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.put("/api/notification-preferences")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(preferences("not-an-address", "12345", "https://1.1.1.1/hook", "[]")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'channels.email.address')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'channels.sms.phone')]").exists());
    mvc.perform(
            MockMvcRequestBuilders.put("/api/notification-preferences")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    preferences(
                        "a@example.cn",
                        "13800138000",
                        "https://127.0.0.1/hook",
                        "[\"TURNED_RED\"]")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'channels.webhook.url')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'mutedTypes')]").exists());
    assertThat(mongo.getCollection("preferences").countDocuments()).isZero();
  }

  static String preferences(String email, String phone, String webhook, String muted) {
    return """
        {"channels":{"email":{"enabled":true,"address":"%s"},"sms":{"enabled":true,"phone":"%s"},
                     "webhook":{"enabled":true,"url":"%s"}},
         "mutedTypes":%s,
         "quietHours":{"start":"22:00","end":"07:00","zone":"Asia/Shanghai"},
         "dailyDigest":true}"""
        .formatted(email, phone, webhook, muted);
  }

  @Test
  void apiNeedsABearerTokenAndSaysSoAsProblemJson() throws Exception {
    mvc.perform(MockMvcRequestBuilders.get("/api/notifications"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Unauthorized"));
  }

  @Test
  void unknownPathWithATokenIsProblem404() throws Exception {
    mvc.perform(MockMvcRequestBuilders.get("/api/no-such-thing").with(TestUsers.coordJx()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void publishesAnOpenApiDocument() throws Exception {
    mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").exists())
        // the signed-in user comes from the token, not from a parameter a client sends
        .andExpect(jsonPath("$..parameters[?(@.name == 'size')]").isNotEmpty())
        .andExpect(jsonPath("$..parameters[?(@.name == 'user')]").isEmpty());
  }

  @Autowired cn.gov.jx.majorprojects.notifications.event.EventIngestion sweeper;

  org.springframework.test.web.servlet.ResultActions postEvent(String body) throws Exception {
    return mvc.perform(
        post("/internal/events")
            .with(TestUsers.serviceClient())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  long inboxSize(
      org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .JwtRequestPostProcessor
          user)
      throws Exception {
    MvcResult r =
        mvc.perform(MockMvcRequestBuilders.get("/api/notifications").with(user)).andReturn();
    return JsonMapper.shared()
        .readTree(r.getResponse().getContentAsString())
        .get("totalElements")
        .asLong();
  }

  java.util.List<String> types(
      org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .JwtRequestPostProcessor
          user)
      throws Exception {
    MvcResult r =
        mvc.perform(MockMvcRequestBuilders.get("/api/notifications").with(user)).andReturn();
    var out = new java.util.ArrayList<String>();
    JsonMapper.shared()
        .readTree(r.getResponse().getContentAsString())
        .get("content")
        .forEach(n -> out.add(n.get("type").asString()));
    return out;
  }

  String firstId(
      org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .JwtRequestPostProcessor
          user)
      throws Exception {
    MvcResult r =
        mvc.perform(MockMvcRequestBuilders.get("/api/notifications").with(user)).andReturn();
    return JsonMapper.shared()
        .readTree(r.getResponse().getContentAsString())
        .get("content")
        .get(0)
        .get("id")
        .asString();
  }

  static String event(String id, String type, long sequence, String actor, String handling) {
    String actorJson = actor == null ? "null" : "\"" + actor + "\"";
    return """
        {"eventId":"%s","source":"issue-service","type":"%s","occurredAt":"2026-11-26T08:00:00Z",
         "sequence":%d,"actor":%s,
         "subject":{"kind":"ISSUE","id":"issue-1","number":"JX-2026-000123","title":"征地拆迁受阻",
           "projectId":"p1","projectName":"南昌地铁","projectRegion":"360113","urgency":"NORMAL",
           "warning":"GREEN","supervised":false,"status":"OPEN","level":"CITY",
           "handlingRegion":"%s","reporter":"owner.hgt","reporterOrg":"org-nc-metro",
           "regionsPassed":["360113"]},
         "details":{"fromRegion":"360113","toRegion":"360100"}}"""
        .formatted(id, type, sequence, actorJson, handling);
  }

  /** OWASP API5: a new write endpoint without a wrong-role test in the README's table fails. */
  @Test
  void everyWriteOperationOfTheOpenApiDocumentHasAWrongRoleTestInTheReadme() throws Exception {
    cn.gov.jx.majorprojects.support.testing.RoleTestInventory.assertComplete(mvc);
  }

  /**
   * OWASP API9: the gateway routes every documented {@code /api} path here, and routes no {@code
   * /api} prefix here that has no documented path.
   */
  @Test
  void theGatewayRoutesEveryDocumentedPathHereAndNoUndocumentedPrefix() throws Exception {
    cn.gov.jx.majorprojects.support.testing.RouteInventory.assertRouted(
        mvc, "notification-service");
  }
}
