package cn.gov.jx.majorprojects.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Someone else's notification answers 404 to every other user, whatever their region or role, and
 * the admin-only and service-only actions answer 403 to everyone else; each refusal is a
 * problem+json and leaves the stored data as it was.
 */
@SpringBootTest(
    properties = {
      "management.server.port=0",
      // never reach a real Keycloak on the default port (port 9: discard)
      "notifications.keycloak.admin-url=http://127.0.0.1:9",
      "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"
    })
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class NotificationScopeApplicationTests {

  static final String NOTE = "6650a0a0a0a0a0a0a0a0a001";
  static final String DEAD = "6650a0a0a0a0a0a0a0a0a002";

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @BeforeEach
  void oneUnreadNotificationOfCoordNcAndOneDeadDelivery() {
    // documents only: dropping the database would drop the unique indexes made at startup
    mongo.getCollectionNames().forEach(c -> mongo.getCollection(c).deleteMany(new Document()));
    Date now = Date.from(Instant.parse("2026-11-26T08:00:00Z"));
    mongo.insert(
        new Document("_id", new org.bson.types.ObjectId(NOTE))
            .append("eventId", "e-1")
            .append("recipient", "coord.nc")
            .append("type", "ESCALATED")
            .append("textZh", "【JX-2026-000123】问题已提级")
            .append("textEn", "[JX-2026-000123] Issue escalated")
            .append("subjectKind", "ISSUE")
            .append("subjectId", "issue-1")
            .append("subjectNumber", "JX-2026-000123")
            .append("projectId", "p1")
            .append("link", "/issues/issue-1")
            .append("read", false)
            .append("occurredAt", now)
            .append("createdAt", now),
        "notifications");
    mongo.insert(
        new Document("_id", new org.bson.types.ObjectId(DEAD))
            .append("eventId", "e-1")
            .append("recipient", "coord.nc")
            .append("channel", "SMS")
            .append("type", "ESCALATED")
            .append("subjectId", "issue-1")
            .append("address", "13800138000")
            .append("subject", "问题已提级")
            .append("body", "问题已提级")
            .append("status", "DEAD")
            .append("attempts", 8)
            .append("nextAttemptAt", now)
            .append("lastError", "HTTP 503")
            .append("createdAt", now),
        "deliveries");
  }

  /** coord.nc's inbox and the dead delivery, as their rightful readers see them. */
  List<String> stored() throws Exception {
    return List.of(
        body(get("/api/notifications").with(TestUsers.coordNc())),
        body(get("/api/notifications/unread-count").with(TestUsers.coordNc())),
        body(get("/api/notifications/deliveries").with(TestUsers.admin())),
        "events=" + mongo.getCollection("events").countDocuments(),
        "notifications=" + mongo.getCollection("notifications").countDocuments());
  }

  String body(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  static Stream<Arguments> everyoneElse() {
    return Stream.of(
        Arguments.of("coord.gz (other city)", TestUsers.coordGz()),
        Arguments.of("coord.zg (other county)", TestUsers.coordZg()),
        Arguments.of("coord.hgt (county below)", TestUsers.coordHgt()),
        Arguments.of("coord.jx (province above)", TestUsers.coordJx()),
        Arguments.of("manager.nc (same region)", TestUsers.managerNc()),
        Arguments.of("owner.hgt", TestUsers.ownerHgt()),
        Arguments.of("admin", TestUsers.admin()));
  }

  @ParameterizedTest(name = "POST /api/notifications/:id/read of coord.nc's as {0} → 404")
  @MethodSource("everyoneElse")
  void someoneElsesNotificationIs404ProblemLikeAnUnknownOneAndStaysUnread(
      String name, RequestPostProcessor who) throws Exception {
    List<String> before = stored();
    mvc.perform(post("/api/notifications/" + NOTE + "/read").with(who))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("notification " + NOTE + " not found"));
    mvc.perform(post("/api/notifications/read-all").with(who))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.marked").value(0));
    assertThat(stored()).isEqualTo(before);
    assertThat(before.get(1)).isEqualTo("{\"count\":1}");
  }

  static Stream<Arguments> notAdmins() {
    return Stream.of(
        Arguments.of("coord.nc (its recipient)", TestUsers.coordNc()),
        Arguments.of("coord.jx", TestUsers.coordJx()),
        Arguments.of("manager.jx", TestUsers.managerJx()),
        Arguments.of("owner.hgt", TestUsers.ownerHgt()));
  }

  @ParameterizedTest(name = "deliveries as {0} → 403")
  @MethodSource("notAdmins")
  void deliveriesAreListedAndResentByAnAdminOnly(String name, RequestPostProcessor who)
      throws Exception {
    List<String> before = stored();
    for (MockHttpServletRequestBuilder request :
        List.of(
            get("/api/notifications/deliveries"),
            get("/api/notifications/deliveries").param("status", "DEAD"),
            // the role is refused before the parameters are looked at
            get("/api/notifications/deliveries").param("status", "LOST"),
            get("/api/notifications/deliveries").param("size", "1000"),
            post("/api/notifications/deliveries/" + DEAD + "/retry"),
            // an unknown id is refused the same way, so ids do not leak either
            post("/api/notifications/deliveries/6650a0a0a0a0a0a0a0a0a0ff/retry"))) {
      mvc.perform(request.with(who))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(stored()).isEqualTo(before);
    assertThat(before.get(2)).contains("\"status\":\"DEAD\"").contains("\"attempts\":8");
  }

  @Test
  void anAdminAskingForAnUnknownStatusGets400NamingIt() throws Exception {
    mvc.perform(
            get("/api/notifications/deliveries").param("status", "LOST").with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    mvc.perform(
            get("/api/notifications/deliveries").param("status", "DEAD").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].id").value(DEAD));
  }

  @ParameterizedTest(name = "POST /internal/events as {0} → 403")
  @MethodSource("notAdmins")
  void eventsFromAUserTokenAre403ProblemAndNothingIsStored(String name, RequestPostProcessor who)
      throws Exception {
    List<String> before = stored();
    mvc.perform(
            post("/internal/events")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"eventId":"e-user","source":"issue-service","type":"TURNED_RED",
                     "occurredAt":"2026-11-26T08:00:00Z","sequence":1,
                     "subject":{"kind":"ISSUE","id":"issue-2","number":"JX-2026-000124",
                       "projectId":"p1","projectRegion":"360113","handlingRegion":"360100",
                       "reporter":"owner.hgt","reporterOrg":"org-nc-metro"}}"""))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(stored()).isEqualTo(before);
  }
}
