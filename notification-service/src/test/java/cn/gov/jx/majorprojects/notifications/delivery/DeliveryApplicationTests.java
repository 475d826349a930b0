package cn.gov.jx.majorprojects.notifications.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.notifications.client.mail.TinySmtpServer;
import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.Delivery.Status;
import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Channels;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Mail;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.QuietHours;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Sms;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Webhook;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * Full context: events in, deliveries out to a real SMTP server and to SMS/webhook providers on
 * WireMock, driven by a clock the test moves.
 */
@SpringBootTest(
    properties = {
      "management.server.port=0",
      "notifications.events.sweep-interval=1h",
      "notifications.deliveries.poll-interval=1h",
      "notifications.keycloak.cache-ttl=0s",
      "notifications.mail.enabled=true",
      "notifications.sms.enabled=true",
      "notifications.sms.api-key=k-test",
      "notifications.sms.timeout=2s",
      "notifications.webhook.enabled=true",
      "notifications.webhook.timeout=1s",
      "notifications.webhook.allowed-hosts=localhost",
      "notifications.deliveries.base-delay=10s",
      "spring.mail.properties.mail.smtp.timeout=2000"
    })
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, DeliveryApplicationTests.Clocks.class})
class DeliveryApplicationTests {

  // 23:00 in Asia/Shanghai: inside the default quiet hours
  static final Instant NIGHT = Instant.parse("2026-11-26T15:00:00Z");
  static final Instant QUIET_ENDS = Instant.parse("2026-11-26T23:00:00Z");

  static final WireMockServer remote = new WireMockServer(wireMockConfig().dynamicPort());
  static final TinySmtpServer smtp;

  static {
    remote.start();
    try {
      smtp = new TinySmtpServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void remotes(DynamicPropertyRegistry registry) {
    registry.add("notifications.keycloak.admin-url", remote::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> remote.baseUrl() + "/realms/majorprojects/protocol/openid-connect/token");
    registry.add("notifications.sms.url", () -> remote.baseUrl() + "/sms/send");
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", smtp::port);
  }

  @AfterAll
  static void stop() throws Exception {
    remote.stop();
    smtp.close();
  }

  /** A clock the tests move by hand. */
  static class MovableClock extends Clock {
    volatile Instant now = NIGHT;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired MovableClock clock;
  @Autowired DeliveryWorker worker;
  @Autowired MeterRegistry meters;
  @Autowired org.springframework.mail.javamail.JavaMailSender mailSender;
  @Autowired List<ChannelSender> senders;
  @Autowired NotificationProperties properties;

  String robotUrl() {
    return remote.baseUrl() + "/robot/send?access_token=t1";
  }

  @BeforeEach
  void reset() {
    mongo
        .getCollectionNames()
        .forEach(c -> mongo.getCollection(c).deleteMany(new org.bson.Document()));
    clock.now = NIGHT;
    smtp.reset();
    remote.resetAll();
    remote.stubFor(
        WireMock.post(urlPathEqualTo("/realms/majorprojects/protocol/openid-connect/token"))
            .willReturn(
                okJson("{\"access_token\":\"svc\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    stubRole(
        "coordinator",
        """
        [{"username":"coord.nc","enabled":true,"attributes":{"region":["360100"]}},
         {"username":"coord.jx","enabled":true,"attributes":{"region":["360000"]}},
         {"username":"coord.gz","enabled":true,"attributes":{"region":["360700"]}}]""");
    stubRole("owner", "[]");
    stubRole("manager", "[]");
    remote.stubFor(
        WireMock.post(urlPathEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)));
    remote.stubFor(
        WireMock.post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0}")));
  }

  static void stubRole(String role, String users) {
    remote.stubFor(
        WireMock.get(urlPathEqualTo("/admin/realms/majorprojects/roles/" + role + "/users"))
            .willReturn(okJson(users)));
  }

  void prefer(String user, boolean email, boolean sms, boolean webhook, Set<EventType> muted) {
    mongo.save(
        new NotificationPreferences(
            user,
            new Channels(
                new Mail(email, user + "@example.cn"),
                new Sms(sms, "13800138000"),
                new Webhook(webhook, robotUrl(), "SEC-1")),
            muted,
            new QuietHours("22:00", "07:00", "Asia/Shanghai"),
            false,
            NIGHT));
  }

  @Autowired DailyDigest digest;

  @Test
  void aDigestReaderGetsOneEmailADayWhenQuietHoursEndWhileRedGoesAtOnce() throws Exception {
    mongo.save(
        new NotificationPreferences(
            "coord.nc",
            new Channels(
                new Mail(true, "coord.nc@example.cn"),
                new Sms(false, null),
                new Webhook(false, null, null)),
            Set.of(),
            new QuietHours("22:00", "07:00", "Asia/Shanghai"),
            true,
            NIGHT));
    clock.now = Instant.parse("2026-11-26T02:00:00Z");
    postEvent(event("d-1", "ESCALATED", "NORMAL", "issue-d1")).andExpect(status().isAccepted());
    clock.now = Instant.parse("2026-11-26T07:00:00Z");
    postEvent(event("d-2", "RETURNED", "NORMAL", "issue-d2")).andExpect(status().isAccepted());
    postEvent(event("d-3", "TURNED_RED", "NORMAL", "issue-d3")).andExpect(status().isAccepted());
    assertThat(deliveries()).extracting(Delivery::eventId).containsExactly("d-3");

    // 04:00 on the 27th in Shanghai: the day has not ended yet for this reader
    clock.now = Instant.parse("2026-11-26T20:00:00Z");
    assertThat(digest.runOnce()).isZero();
    clock.now = QUIET_ENDS;
    assertThat(digest.runOnce()).isEqualTo(1);
    clock.now = QUIET_ENDS.plus(Duration.ofHours(3));
    assertThat(digest.runOnce()).isZero();
    worker.runOnce();

    assertThat(smtp.received()).hasSize(2);
    MimeMessage daily =
        smtp.received().stream()
            .map(DeliveryApplicationTests::parse)
            .filter(m -> subjectOf(m).contains("摘要"))
            .findFirst()
            .orElseThrow();
    assertThat(subjectOf(daily)).contains("2026-11-27").contains("3条");
    assertThat(daily.getContent().toString())
        .contains("问题已提级")
        .contains("问题已退回")
        .contains("问题亮红灯")
        .contains("/issues/issue-d1");
  }

  static MimeMessage parse(TinySmtpServer.Received r) {
    try {
      return new MimeMessage(
          Session.getInstance(new Properties()),
          new ByteArrayInputStream(r.data().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aStillRedReminderFromIssueServiceReachesOnlyWhoHoldsTheCaseAtOnceEvenMuted()
      throws Exception {
    stubRole(
        "owner",
        """
        [{"username":"owner.hgt","enabled":true,"attributes":{"org":["org-nc-metro"]}}]""");
    prefer("coord.nc", false, true, false, Set.of(EventType.RED_REMINDER));
    postEvent(issueEvent("rr-1", "TURNED_RED", 1, "issue-r", "360100", "OPEN"))
        .andExpect(status().isAccepted());
    // issue-service's sweep, the next working day: the latest entry's sequence, its own id
    postEvent(
            issueEvent(
                "reminder:issue-r:2026-11-27", "RED_REMINDER", 1, "issue-r", "360100", "OPEN"))
        .andExpect(status().isAccepted());

    assertThat(typesOf(TestUsers.coordNc())).containsExactly("RED_REMINDER", "TURNED_RED");
    assertThat(typesOf(TestUsers.ownerHgt()))
        .as("the reporter's side hears of red, not of the reminder")
        .containsExactly("TURNED_RED");
    assertThat(typesOf(TestUsers.coordJx())).isEmpty();
    // red and not mutable: the SMS goes at night, muted or not
    worker.runOnce();
    assertThat(deliveries())
        .filteredOn(d -> d.eventId().startsWith("reminder:"))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(Status.SENT));
  }

  List<String> typesOf(
      org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .JwtRequestPostProcessor
          user)
      throws Exception {
    var r = mvc.perform(get("/api/notifications").with(user)).andReturn();
    var out = new java.util.ArrayList<String>();
    tools.jackson.databind.json.JsonMapper.shared()
        .readTree(r.getResponse().getContentAsString())
        .get("content")
        .forEach(n -> out.add(n.get("type").asString()));
    return out;
  }

  static String issueEvent(
      String id, String type, long sequence, String issueId, String handling, String status) {
    return """
        {"eventId":"%s","source":"issue-service","type":"%s","occurredAt":"2026-11-26T02:00:00Z",
         "sequence":%d,"actor":"someone.else",
         "subject":{"kind":"ISSUE","id":"%s","number":"JX-2026-000777","title":"施工许可延误",
           "projectId":"p1","projectName":"南昌地铁","projectRegion":"360113","urgency":"NORMAL",
           "warning":"RED","supervised":false,"status":"%s","level":"CITY",
           "handlingRegion":"%s","reporter":"owner.hgt","reporterOrg":"org-nc-metro",
           "regionsPassed":["360113"]},
         "details":{}}"""
        .formatted(id, type, sequence, issueId, status, handling);
  }

  @Test
  void aRedCaseGoesOutOnEveryChosenChannelOnceEvenWhenPostedTwice() throws Exception {
    prefer("coord.nc", true, true, true, Set.of());
    prefer("coord.gz", true, true, true, Set.of());
    postEvent(event("red-1", "TURNED_RED", "NORMAL")).andExpect(status().isAccepted());
    postEvent(event("red-1", "TURNED_RED", "NORMAL")).andExpect(status().isOk());

    assertThat(worker.runOnce()).isEqualTo(3);
    assertThat(worker.runOnce()).isZero();

    assertThat(smtp.received()).hasSize(1);
    assertThat(smtp.received().get(0).recipients()).containsExactly("coord.nc@example.cn");
    remote.verify(1, postRequestedFor(urlPathEqualTo("/sms/send")));
    remote.verify(1, postRequestedFor(urlPathEqualTo("/robot/send")));
    // red: the SMS did not wait for the end of quiet hours; coord.gz (another city) got nothing
    assertThat(deliveries()).hasSize(3).allMatch(d -> d.status() == Status.SENT);
    assertThat(deliveries()).allMatch(d -> d.recipient().equals("coord.nc"));
    assertThat(
            meters
                .get("notifications.deliveries")
                .tags("channel", "SMS", "outcome", "sent")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            meters.get("notifications.delivery.latency").tags("channel", "EMAIL").timer().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void anSmsWaitsForTheEndOfQuietHoursUnlessTheCaseIsUrgent() throws Exception {
    prefer("coord.nc", true, true, false, Set.of());
    postEvent(event("n-1", "ESCALATED", "NORMAL")).andExpect(status().isAccepted());
    postEvent(event("u-1", "ESCALATED", "URGENT")).andExpect(status().isAccepted());

    worker.runOnce();
    assertThat(smtp.received()).hasSize(2);
    remote.verify(1, postRequestedFor(urlPathEqualTo("/sms/send")));
    Delivery waiting = delivery("n-1", Channel.SMS);
    assertThat(waiting.status()).isEqualTo(Status.PENDING);
    assertThat(waiting.nextAttemptAt()).isEqualTo(QUIET_ENDS);

    clock.now = QUIET_ENDS.minusSeconds(1);
    assertThat(worker.runOnce()).isZero();
    clock.now = QUIET_ENDS;
    assertThat(worker.runOnce()).isEqualTo(1);
    remote.verify(2, postRequestedFor(urlPathEqualTo("/sms/send")));
  }

  @Test
  void aMutedTypeStaysInTheInboxButGoesNowhereOutsideWhileRedCannotBeMuted() throws Exception {
    prefer("coord.nc", true, true, true, Set.of(EventType.ESCALATED, EventType.TURNED_RED));
    postEvent(event("m-1", "ESCALATED", "URGENT")).andExpect(status().isAccepted());
    postEvent(event("m-2", "TURNED_RED", "URGENT")).andExpect(status().isAccepted());

    assertThat(deliveries()).extracting(Delivery::eventId).containsOnly("m-2").hasSize(3);
    mvc.perform(get("/api/notifications").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.totalElements").value(2));
  }

  @Test
  void aFailingProviderIsRetriedWithGrowingWaitsAndIsDeadAfterEightTries() throws Exception {
    prefer("coord.nc", false, true, false, Set.of());
    remote.stubFor(
        WireMock.post(urlPathEqualTo("/sms/send")).willReturn(aResponse().withStatus(503)));
    postEvent(event("f-1", "TURNED_RED", "NORMAL")).andExpect(status().isAccepted());

    Duration previousWait = Duration.ZERO;
    for (int tries = 1; tries <= 7; tries++) {
      assertThat(worker.runOnce()).isEqualTo(1);
      Delivery d = delivery("f-1", Channel.SMS);
      assertThat(d.status()).isEqualTo(Status.FAILED);
      assertThat(d.attempts()).isEqualTo(tries);
      assertThat(d.lastError()).contains("503");
      Duration wait = Duration.between(clock.now, d.nextAttemptAt());
      long nominal = 10_000L << (tries - 1);
      assertThat(wait.toMillis()).isBetween(nominal * 8 / 10, nominal * 12 / 10);
      assertThat(wait).isGreaterThan(previousWait);
      previousWait = wait;
      // not before its time
      assertThat(worker.runOnce()).isZero();
      clock.now = d.nextAttemptAt();
    }
    assertThat(worker.runOnce()).isEqualTo(1);
    assertThat(delivery("f-1", Channel.SMS).status()).isEqualTo(Status.DEAD);
    clock.now = clock.now.plus(Duration.ofDays(1));
    assertThat(worker.runOnce()).isZero();
    remote.verify(8, postRequestedFor(urlPathEqualTo("/sms/send")));
    assertThat(
            meters
                .get("notifications.deliveries")
                .tags("channel", "SMS", "outcome", "dead")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aWebhookThatTimesOutEndsDeadAndAnAdminCanSendItAgain() throws Exception {
    prefer("coord.nc", false, false, true, Set.of());
    remote.stubFor(
        WireMock.post(urlPathEqualTo("/robot/send"))
            .willReturn(okJson("{\"errcode\":0}").withFixedDelay(3000)));
    postEvent(event("t-1", "TURNED_RED", "NORMAL")).andExpect(status().isAccepted());
    for (int tries = 1; tries <= 8; tries++) {
      assertThat(worker.runOnce()).isEqualTo(1);
      clock.now = clock.now.plus(Duration.ofHours(1));
    }
    Delivery dead = delivery("t-1", Channel.WEBHOOK);
    assertThat(dead.status()).isEqualTo(Status.DEAD);
    assertThat(dead.attempts()).isEqualTo(8);

    mvc.perform(get("/api/notifications/deliveries?status=DEAD").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.content[0].channel").value("WEBHOOK"))
        .andExpect(jsonPath("$.content[0].recipient").value("coord.nc"))
        .andExpect(jsonPath("$.content[0].secret").doesNotExist());
    mvc.perform(get("/api/notifications/deliveries?status=SENT").with(TestUsers.admin()))
        .andExpect(jsonPath("$.totalElements").value(0));

    remote.stubFor(
        WireMock.post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0}")));
    mvc.perform(
            post("/api/notifications/deliveries/" + dead.id() + "/retry").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andExpect(jsonPath("$.attempts").value(0));
    assertThat(worker.runOnce()).isEqualTo(1);
    assertThat(delivery("t-1", Channel.WEBHOOK).status()).isEqualTo(Status.SENT);

    // only FAILED or DEAD can be sent again
    mvc.perform(
            post("/api/notifications/deliveries/" + dead.id() + "/retry").with(TestUsers.admin()))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void deliveriesAreForAdminsOnly() throws Exception {
    prefer("coord.nc", true, false, false, Set.of());
    postEvent(event("a-1", "TURNED_RED", "NORMAL")).andExpect(status().isAccepted());
    String id = delivery("a-1", Channel.EMAIL).id();

    mvc.perform(get("/api/notifications/deliveries").with(TestUsers.coordNc()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/notifications/deliveries").with(TestUsers.managerJx()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/notifications/deliveries/" + id + "/retry").with(TestUsers.coordNc()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/notifications/deliveries/no-such-id/retry").with(TestUsers.admin()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/notifications/deliveries?status=LOST").with(TestUsers.admin()))
        .andExpect(status().isBadRequest());
    // a PENDING delivery is not retried by hand
    mvc.perform(post("/api/notifications/deliveries/" + id + "/retry").with(TestUsers.admin()))
        .andExpect(status().isConflict());
    assertThat(delivery("a-1", Channel.EMAIL).status()).isEqualTo(Status.PENDING);
  }

  @Test
  void twoReplicasWorkingAtOnceSendEachDeliveryOnce() throws Exception {
    prefer("coord.nc", false, true, false, Set.of());
    for (int i = 0; i < 12; i++) {
      postEvent(event("r-" + i, "TURNED_RED", "NORMAL", "issue-" + i))
          .andExpect(status().isAccepted());
    }
    DeliveryWorker other = new DeliveryWorker(mongo, senders, clock, meters, properties);
    CountDownLatch start = new CountDownLatch(1);
    var a = CompletableFuture.supplyAsync(() -> await(start, worker));
    var b = CompletableFuture.supplyAsync(() -> await(start, other));
    start.countDown();
    assertThat(a.get() + b.get()).isEqualTo(12);
    remote.verify(12, postRequestedFor(urlPathEqualTo("/sms/send")));
    assertThat(deliveries()).hasSize(12).allMatch(d -> d.status() == Status.SENT);
  }

  static int await(CountDownLatch start, DeliveryWorker w) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return w.runOnce();
  }

  List<Delivery> deliveries() {
    return mongo.findAll(Delivery.class);
  }

  Delivery delivery(String eventId, Channel channel) {
    return mongo.findOne(
        Query.query(Criteria.where("eventId").is(eventId).and("channel").is(channel)),
        Delivery.class);
  }

  ResultActions postEvent(String body) throws Exception {
    return mvc.perform(
        post("/internal/events")
            .with(TestUsers.serviceClient())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  static String event(String id, String type, String urgency) {
    return event(id, type, urgency, "issue-1");
  }

  static String event(String id, String type, String urgency, String issueId) {
    return """
        {"eventId":"%s","source":"issue-service","type":"%s","occurredAt":"2026-11-26T15:00:00Z",
         "sequence":1,"actor":"coord.hgt",
         "subject":{"kind":"ISSUE","id":"%s","number":"JX-2026-000123","title":"征地拆迁受阻",
           "projectId":"p1","projectName":"南昌地铁","projectRegion":"360113","urgency":"%s",
           "warning":"GREEN","supervised":false,"status":"OPEN","level":"CITY",
           "handlingRegion":"360100","reporter":"owner.hgt","reporterOrg":"org-nc-metro",
           "regionsPassed":["360113"]},
         "details":{"fromRegion":"360113","toRegion":"360100"}}"""
        .formatted(id, type, issueId, urgency);
  }
}
