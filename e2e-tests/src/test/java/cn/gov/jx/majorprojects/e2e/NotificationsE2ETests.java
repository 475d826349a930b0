package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.platform;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events posted straight to notification-service (as issue-service's relay does, with a real
 * client-credentials token) come out once in the recipient's inbox through the gateway; and, once
 * issue-service relays its events, an issue created while notification-service is down is not lost.
 */
class NotificationsE2ETests {

  static final Map<String, String> PORTS =
      Arrays.stream(System.getProperty("e2e.ports", "notification=18083").split(","))
          .map(p -> p.split("=", 2))
          .collect(Collectors.toMap(p -> p[0], p -> p[1]));
  static final String NOTIFICATIONS = "http://localhost:" + PORTS.get("notification");

  @Test
  void anEventPostedTwiceReachesTheNewHolderOnceThroughTheGateway() {
    String number = "JX-E2E-" + UUID.randomUUID().toString().substring(0, 8);
    String body = event(UUID.randomUUID().toString(), number);

    assertThat(postEvent(body, serviceToken()).statusCode()).isEqualTo(202);
    assertThat(postEvent(body, serviceToken()).statusCode()).isEqualTo(200);

    assertThat(inboxCount("coord.nc", number)).isEqualTo(1);
    // the reporter's org owner hears of it; the actor and another city do not
    assertThat(inboxCount("owner.hgt", number)).isEqualTo(1);
    assertThat(inboxCount("coord.hgt", number)).isZero();
    assertThat(inboxCount("coord.gz", number)).isZero();
  }

  @Test
  void aNewNotificationReachesAnOpenStreamThroughTheGatewayWithinASecond() throws Exception {
    String number = "JX-E2E-" + UUID.randomUUID().toString().substring(0, 8);
    String service = serviceToken();
    // warm: token and recipient cache, so the figure below is ingestion-to-stream
    postEvent(event(UUID.randomUUID().toString(), number + "-warm"), service);
    HttpResponse<Stream<String>> stream = openStream("coord.nc");
    CompletableFuture<Long> seen = arrivalAfterReady(stream, number);
    long posted = System.nanoTime();
    assertThat(postEvent(event(UUID.randomUUID().toString(), number), service).statusCode())
        .isEqualTo(202);
    long answered = System.nanoTime();
    long arrived = seen.get(10, TimeUnit.SECONDS);
    long millis = Duration.ofNanos(arrived - posted).toMillis();
    System.out.println(
        "event post answered in "
            + Duration.ofNanos(answered - posted).toMillis()
            + " ms; event-to-stream latency through the gateway: "
            + millis
            + " ms");
    assertThat(millis).isLessThan(1000);
    stream.body().close();
  }

  @Test
  void internalEventsRefuseUserTokensAndAreNotRoutedByTheGateway() {
    String body = event(UUID.randomUUID().toString(), "JX-E2E-X");
    assertThat(postEvent(body, token("admin")).statusCode()).isEqualTo(403);

    HttpResponse<String> viaGateway =
        Platform.send(
            HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/internal/events"))
                .header("Authorization", "Bearer " + serviceToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(viaGateway.statusCode()).isEqualTo(404);
  }

  @Test
  void anIssueCreatedWhileNotificationServiceIsDownReachesTheInboxExactlyOnceAfterItsRestart()
      throws Exception {
    String projectId = IssuesE2ETests.honggutanProject();
    String issueId;
    try {
      platform("stop", "notification-service");
      HttpResponse<String> created =
          gatewayPost("/api/issues", token("owner.hgt"), issueBody(projectId, "停机期间提交的问题"));
      assertThat(created.statusCode()).isEqualTo(201);
      issueId = json(created).get("id").asString();
    } finally {
      platform("up");
      Platform.forgetTokens();
    }
    long count =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> inboxCountOf("coord.hgt", issueId, "SUBMITTED"), n -> n > 0);
    assertThat(count).as("SUBMITTED for coord.hgt after the restart").isEqualTo(1);
    // the relay may redeliver after the restart: for 5 s the count must stay at one
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> inboxCountOf("coord.hgt", issueId, "SUBMITTED"), n -> n == 1);
  }

  @Test
  void anIssueCreatedThroughTheGatewayReachesTheHoldersOpenStream() throws Exception {
    String projectId = IssuesE2ETests.honggutanProject();
    HttpResponse<Stream<String>> stream = openStream("coord.hgt");
    String title = "延迟测量-" + UUID.randomUUID().toString().substring(0, 8);
    CompletableFuture<Long> seen = arrivalAfterReady(stream, title);
    long posted = System.nanoTime();
    HttpResponse<String> created =
        gatewayPost("/api/issues", token("owner.hgt"), issueBody(projectId, title));
    assertThat(created.statusCode()).isEqualTo(201);
    long answered = System.nanoTime();
    long arrived = seen.get(30, TimeUnit.SECONDS);
    System.out.println(
        "issue created in "
            + Duration.ofNanos(answered - posted).toMillis()
            + " ms; from the issue's creation to coord.hgt's stream: "
            + Duration.ofNanos(arrived - answered).toMillis()
            + " ms");
    stream.body().close();
  }

  private static String issueBody(String projectId, String title) {
    return """
        {"projectId":"%s","title":"%s","description":"征迁未完成，盾构无法进场",
         "category":"DEMOLITION","urgency":"NORMAL"}"""
        .formatted(projectId, title);
  }

  private static HttpResponse<String> gatewayPost(String path, String token, String body) {
    return Platform.send(
        HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static long inboxCountOf(String user, String issueId, String type) {
    HttpResponse<String> response = get("/api/notifications?size=100", token(user));
    if (response.statusCode() != 200) {
      return 0;
    }
    long count = 0;
    for (JsonNode n : json(response).get("content")) {
      if (issueId.equals(n.get("subjectId").asString()) && type.equals(n.get("type").asString())) {
        count++;
      }
    }
    return count;
  }

  /** The user's notification stream (Server-Sent Events) through the gateway, open. */
  static HttpResponse<Stream<String>> openStream(String user) throws Exception {
    HttpRequest open =
        HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/notifications/stream"))
            .header("Authorization", "Bearer " + token(user))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpResponse<Stream<String>> stream =
        Platform.HTTP.send(open, HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    return stream;
  }

  /**
   * Reads the open stream on another thread: waits (at most 10 s) for its ready event, so what is
   * posted next is pushed to this stream, and answers when a line containing {@code text} arrives.
   */
  static CompletableFuture<Long> arrivalAfterReady(
      HttpResponse<Stream<String>> stream, String text) {
    Iterator<String> lines = stream.body().iterator();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    CompletableFuture<Long> seen =
        CompletableFuture.supplyAsync(
            () -> {
              while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:") && line.contains("ready")) {
                  ready.complete(null);
                } else if (line.contains(text)) {
                  return System.nanoTime();
                }
              }
              throw new IllegalStateException("the stream ended before " + text + " arrived");
            });
    await().atMost(Duration.ofSeconds(10)).until(ready::isDone);
    return seen;
  }

  static long inboxCount(String user, String number) {
    HttpResponse<String> response = get("/api/notifications?size=100", token(user));
    assertThat(response.statusCode()).isEqualTo(200);
    long count = 0;
    for (JsonNode n : json(response).get("content")) {
      if (number.equals(n.get("subjectNumber").asString())) {
        count++;
      }
    }
    return count;
  }

  static HttpResponse<String> postEvent(String body, String token) {
    return Platform.send(
        HttpRequest.newBuilder(URI.create(NOTIFICATIONS + "/internal/events"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String serviceToken() {
    String form =
        "grant_type=client_credentials&client_id=services&client_secret=local-demo-services-secret";
    HttpResponse<String> response =
        Platform.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Platform.KEYCLOAK + "/realms/majorprojects/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).get("access_token").asString();
  }

  static String event(String id, String number) {
    return """
        {"eventId":"%s","source":"issue-service","type":"ESCALATED",
         "occurredAt":"2026-11-26T08:00:00Z","sequence":2,"actor":"coord.hgt",
         "subject":{"kind":"ISSUE","id":"%s","number":"%s","title":"征地拆迁受阻",
           "projectId":"p-e2e","projectName":"南昌地铁","projectRegion":"360113",
           "urgency":"NORMAL","warning":"GREEN","supervised":false,"status":"OPEN",
           "level":"CITY","handlingRegion":"360100","reporter":"owner.hgt",
           "reporterOrg":"org-nc-metro","regionsPassed":["360113"]},
         "details":{"fromRegion":"360113","toRegion":"360100"}}"""
        .formatted(id, "issue-" + number, number);
  }
}
