package cn.gov.jx.majorprojects.projects.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.projects.KeycloakTokenStub;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@SpringBootTest(properties = {"management.server.port=0", "projects.outbox-relay-delay=200ms"})
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class OutboxRelayApplicationTests {

  static final WireMockServer remote = new WireMockServer(options().dynamicPort());

  static {
    remote.start();
  }

  @AfterAll
  static void stop() {
    remote.stop();
  }

  @DynamicPropertySource
  static void urls(DynamicPropertyRegistry registry) {
    registry.add("projects.notification-url", remote::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> remote.baseUrl() + "/token");
  }

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @BeforeEach
  void reset() {
    mongo.remove(new Query(), "projects");
    remote.resetAll();
    KeycloakTokenStub.stubTokenEndpoint(remote);
  }

  void createRedProject() throws Exception {
    mvc.perform(
        MockMvcRequestBuilders.post("/api/projects")
            .with(TestUsers.admin())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"code":"2026-360113-48-01-000301","name":"象湖隧道","level":"CITY",
                 "regionCode":"360113","industry":"TRANSPORT","ownerOrg":"org-nc-metro",
                 "ownerOrgName":"南昌轨道交通集团","totalInvestment":1000,
                 "plannedStart":"2026-01-01","plannedFinish":"2028-12-31"}
                """));
  }

  List<Document> outbox() {
    Document p = mongo.getCollection("projects").find().first();
    return p == null ? List.of() : p.getList("outbox", Document.class, List.of());
  }

  int attempts() {
    Document p = mongo.getCollection("projects").find().first();
    return p == null ? 0 : p.getInteger("outboxAttempts", 0);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  @Test
  void deliversProjectRedWithAServiceTokenAndRemovesItAfter2xx() throws Exception {
    remote.stubFor(post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(202)));
    createRedProject();
    await(() -> outbox().isEmpty());
    remote.verify(
        1,
        postRequestedFor(urlEqualTo("/internal/events"))
            .withHeader("Authorization", equalTo("Bearer svc-token"))
            .withRequestBody(matchingJsonPath("$.type", equalTo("PROJECT_RED")))
            .withRequestBody(matchingJsonPath("$.subject.name", equalTo("象湖隧道")))
            .withRequestBody(matchingJsonPath("$.source", equalTo("project-service"))));
  }

  @Test
  void keepsTheEventWithABackOffWhileNotificationServiceIsDown() throws Exception {
    remote.stubFor(post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(503)));
    createRedProject();
    await(() -> !outbox().isEmpty() && attempts() >= 1);
    Thread.sleep(1000);
    assertThat(outbox()).hasSize(1);
    // backing off: not hammered every 200 ms
    assertThat(remote.findAll(postRequestedFor(urlEqualTo("/internal/events")))).hasSize(1);
  }
}
