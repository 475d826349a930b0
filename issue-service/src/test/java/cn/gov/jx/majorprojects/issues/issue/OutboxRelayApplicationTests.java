package cn.gov.jx.majorprojects.issues.issue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox relay against a WireMock notification-service that is down, then up. */
class OutboxRelayApplicationTests extends CaseApplicationTestSupport {

  @Autowired OutboxRelay relay;

  List<LoggedRequest> deliveriesOf(String eventId) {
    return remote.findAll(
        postRequestedFor(urlEqualTo("/internal/events"))
            .withRequestBody(matchingJsonPath("$.eventId", equalTo(eventId))));
  }

  List<Document> outbox(String id) {
    return stored(id).getList("outbox", Document.class);
  }

  @Test
  void whileNotificationsAreDownTheEventIsKeptAndOnceUpItIsDeliveredOnce() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "通知服务宕机");
    String eventId = outbox(id).get(0).getString("eventId");
    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(503)));

    relay.relay();
    assertThat(deliveriesOf(eventId)).hasSize(1);
    assertThat(outbox(id)).hasSize(1);
    assertThat(stored(id).getInteger("outboxAttempts")).isEqualTo(1);
    // backing off: the next pass right away does not try again
    relay.relay();
    assertThat(deliveriesOf(eventId)).hasSize(1);

    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(202)));
    clock.advance(Duration.ofSeconds(11));
    relay.relay();
    relay.relay();
    assertThat(deliveriesOf(eventId)).hasSize(2);
    assertThat(outbox(id)).isEmpty();

    LoggedRequest delivered = deliveriesOf(eventId).get(1);
    assertThat(delivered.getHeader("Authorization")).isEqualTo("Bearer svc-token");
    String body = delivered.getBodyAsString();
    assertThat(JsonPath.<String>read(body, "$.source")).isEqualTo("issue-service");
    assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("SUBMITTED");
    assertThat(JsonPath.<Integer>read(body, "$.sequence")).isEqualTo(1);
    assertThat(JsonPath.<String>read(body, "$.actor")).isEqualTo("owner.hgt");
    assertThat(JsonPath.<String>read(body, "$.occurredAt")).isEqualTo("2026-11-26T02:00:00.123Z");
    assertThat(JsonPath.<String>read(body, "$.subject.kind")).isEqualTo("ISSUE");
    assertThat(JsonPath.<String>read(body, "$.subject.id")).isEqualTo(id);
    assertThat(JsonPath.<String>read(body, "$.subject.projectRegion")).isEqualTo("360113");
    assertThat(JsonPath.<String>read(body, "$.subject.handlingRegion")).isEqualTo("360113");
    assertThat(JsonPath.<String>read(body, "$.subject.reporterOrg")).isEqualTo("org-nc-metro");
  }

  /**
   * However long notification-service was down, its events arrive within 30 s of its return (the
   * back-off is capped at 30 s; with an hour the drain took about as long as the outage).
   */
  @Test
  void afterALongOutageTheEventArrivesWithin30sOfTheReceiversReturn() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "通知服务长时间宕机");
    String eventId = outbox(id).get(0).getString("eventId");
    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(503)));
    for (int attempt = 1; attempt <= 12; attempt++) {
      relay.relay();
      clock.advance(Duration.ofMinutes(2));
    }
    assertThat(deliveriesOf(eventId)).hasSize(12);
    relay.relay();
    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(202)));

    clock.advance(Duration.ofSeconds(29));
    relay.relay();
    assertThat(outbox(id)).as("still backing off").hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    relay.relay();
    assertThat(outbox(id)).isEmpty();
    assertThat(deliveriesOf(eventId)).hasSize(14);
  }

  @Test
  void eventsOfOneCaseArriveInOrderAndConcurrentRelaysSendEachOnce() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "顺序");
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    act(id, "messages", TestUsers.coordHgt(), "{\"body\":\"已受理\"}").andExpect(status().isCreated());
    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"需市级\"}").andExpect(status().isOk());
    List<String> eventIds = outbox(id).stream().map(e -> e.getString("eventId")).toList();
    assertThat(eventIds).hasSize(4);

    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return relay.relay();
                }));
      }
      start.countDown();
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (String eventId : eventIds) {
      assertThat(deliveriesOf(eventId)).as(eventId).hasSize(1);
    }
    assertThat(outbox(id)).isEmpty();
    List<Integer> sequences = new ArrayList<>();
    for (LoggedRequest request :
        remote.findAll(
            postRequestedFor(urlEqualTo("/internal/events"))
                .withRequestBody(matchingJsonPath("$.subject.id", equalTo(id))))) {
      sequences.add(JsonPath.read(request.getBodyAsString(), "$.sequence"));
    }
    assertThat(sequences).containsExactly(1, 2, 3, 4);
  }
}
