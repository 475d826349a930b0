package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform as Kubernetes runs it: two instances of each service and two gateways (the e2e
 * platform starts with REPLICAS=2), every instance on the same MongoDB and the gateways' sessions
 * in the same Redis. Each test reaches a chosen instance on its own port, so what one instance did
 * is checked on the other.
 */
class TwoReplicasE2ETests {

  static final Map<String, String> FIRST =
      Arrays.stream(System.getProperty("e2e.ports", "").split(","))
          .filter(p -> p.contains("="))
          .map(p -> p.split("=", 2))
          .collect(Collectors.toMap(p -> p[0], p -> p[1]));
  static final int OFFSET = Integer.getInteger("e2e.replica.port.offset", 10);
  // the second instance of each: the first's ports + the offset (./platform, REPLICAS=2)
  static final Map<String, String> SECOND =
      FIRST.entrySet().stream()
          .collect(
              Collectors.toMap(
                  Map.Entry::getKey, e -> String.valueOf(Integer.parseInt(e.getValue()) + OFFSET)));
  static final String GATEWAY_2 = "http://localhost:" + SECOND.get("gateway");

  static String first(String service) {
    return "http://localhost:" + FIRST.get(service);
  }

  static String second(String service) {
    return "http://localhost:" + SECOND.get(service);
  }

  @BeforeAll
  static void twoOfEach() {
    assertThat(Integer.getInteger("e2e.replicas", 1))
        .as("the e2e platform runs two of each (e2e.replicas)")
        .isEqualTo(2);
    assertThat(FIRST).containsKeys("gateway", "issue", "notification", "issue-management");
    assertThat(Platform.get("/api/me", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", GATEWAY_2 + "/api/me", null, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aBrowserSessionMadeOnOneGatewayWorksOnTheOther() throws Exception {
    FormLogin browser = new FormLogin();
    String me = browser.login("/", "coord.nc");
    assertThat(me).contains("\"coord.nc\"");

    // the same cookie, the other gateway: the session, and the tokens it relays, are there too
    HttpResponse<String> meThere = browser.browse(URI.create(GATEWAY_2 + "/api/me"));
    assertThat(meThere.statusCode()).as(meThere.body()).isEqualTo(200);
    assertThat(meThere.body()).contains("\"coord.nc\"");
    HttpResponse<String> inbox =
        browser.browse(URI.create(GATEWAY_2 + "/api/notifications?size=1"));
    assertThat(inbox.statusCode())
        .as("routed with the relayed token: " + inbox.body())
        .isEqualTo(200);
    // and back: the first gateway still knows it
    assertThat(browser.browse(URI.create(GATEWAY + "/api/me")).statusCode()).isEqualTo(200);
  }

  @Test
  void eachGatewaySpreadsCallsOverBothInstancesOfAService() {
    long firstBefore = servedCount(FIRST.get("issue-management"));
    long secondBefore = servedCount(SECOND.get("issue-management"));
    for (String gateway : List.of(GATEWAY, GATEWAY_2)) {
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> list =
            call("GET", gateway + "/api/issues?size=1", token("coord.nc"), null, null);
        assertThat(list.statusCode()).isEqualTo(200);
      }
    }
    // round-robin: each instance served some of the 8 (scraped just after, so counted already)
    assertThat(servedCount(FIRST.get("issue-management")) - firstBefore).isPositive();
    assertThat(servedCount(SECOND.get("issue-management")) - secondBefore).isPositive();
  }

  @Test
  void aNotificationWrittenOnOneInstanceReachesAStreamOnTheOtherWithinASecondAndOnce()
      throws Exception {
    String number = "JX-RR-" + UUID.randomUUID().toString().substring(0, 8);
    String service = NotificationsE2ETests.serviceToken();
    // warm: token and recipient cache of the first instance
    postEvent(
        first("notification"), NotificationsE2ETests.event(uuid(), number + "-warm"), service);
    HttpResponse<Stream<String>> there = openStream(second("notification"), "coord.nc");
    HttpResponse<Stream<String>> here = openStream(first("notification"), "coord.nc");
    List<String> linesThere = new ArrayList<>();
    List<String> linesHere = new ArrayList<>();
    CompletableFuture<Long> seenThere = arrival(there, number, linesThere);
    CompletableFuture<Long> seenHere = arrival(here, number, linesHere);

    long posted = System.nanoTime();
    HttpResponse<String> accepted =
        postEvent(first("notification"), NotificationsE2ETests.event(uuid(), number), service);
    assertThat(accepted.statusCode()).isEqualTo(202);
    long millis = Duration.ofNanos(seenThere.get(10, TimeUnit.SECONDS) - posted).toMillis();
    seenHere.get(10, TimeUnit.SECONDS);
    System.out.println(
        "event posted to notification-service 1, on coord.nc's stream at instance 2 after "
            + millis
            + " ms");
    // the bound of the one-instance test (NotificationsE2ETests)
    assertThat(millis).isLessThan(1000);

    // a few feed looks later (every 300 ms), each stream carried it once
    Thread.sleep(1500);
    there.body().close();
    here.body().close();
    assertThat(mentions(linesThere, number)).as("stream at instance 2").isEqualTo(1);
    assertThat(mentions(linesHere, number)).as("stream at the writing instance").isEqualTo(1);
  }

  /** The timeline entry and the event of an escalation the sweep made for lateness. */
  static final String AUTO_ESCALATED = "AUTO_ESCALATED";

  @Test
  void anOverdueCaseIsEscalatedOnceAndItsHoldersAreToldOnce() {
    String projectId = IssuesE2ETests.honggutanProject();
    String id = IssuesE2ETests.report(projectId, "两实例超期-" + uuid().substring(0, 6));
    // let the SUBMITTED notifications arrive before the deadline moves
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> inbox("coord.hgt", id, "SUBMITTED"), n -> n == 1);
    try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
      Object key = ObjectId.isValid(id) ? new ObjectId(id) : id;
      long moved =
          mongo
              .getDatabase("issues")
              .getCollection("issues")
              .updateOne(
                  Filters.eq("_id", key),
                  Updates.set("dueAt", Date.from(Instant.now().minus(Duration.ofHours(1)))))
              .getModifiedCount();
      assertThat(moved).as("the case's deadline moved into the past").isEqualTo(1);
    }
    // both issue-service instances sweep every 30 s; one of them escalates it
    await("escalated by a sweep")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                json(Platform.get("/api/issues/" + id, token("coord.nc"))).path("level").asString(),
            "CITY"::equals);
    await("coord.nc told of the escalation")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> inbox("coord.nc", id, AUTO_ESCALATED), n -> n >= 1);
    // a further sweep of each instance (30 s apart) and their relays add nothing
    await()
        .during(Duration.ofSeconds(35))
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofSeconds(5))
        .until(
            () -> timeline(id, AUTO_ESCALATED) == 1 && inbox("coord.nc", id, AUTO_ESCALATED) == 1);
    assertThat(inbox("coord.hgt", id, "SUBMITTED")).isEqualTo(1);
    assertThat(inbox("owner.hgt", id, AUTO_ESCALATED)).isLessThanOrEqualTo(1);
    JsonNode timeline = json(Platform.get("/api/issues/" + id + "/timeline", token("manager.jx")));
    List<String> types = new ArrayList<>();
    timeline.forEach(e -> types.add(e.get("type").asString()));
    assertThat(types).as("timeline").doesNotHaveDuplicates();
  }

  @Test
  void theSameIdempotencyKeyOnBothInstancesMakesOneCase() throws Exception {
    String projectId = IssuesE2ETests.honggutanProject();
    String key = "rr-" + uuid();
    String body = IssuesE2ETests.issueBody(projectId, "两实例幂等");
    String owner = token("owner.hgt");
    // at once, straight to each issue-service instance
    CompletableFuture<HttpResponse<String>> one =
        CompletableFuture.supplyAsync(
            () -> call("POST", first("issue") + "/api/issues", owner, body, key));
    CompletableFuture<HttpResponse<String>> two =
        CompletableFuture.supplyAsync(
            () -> call("POST", second("issue") + "/api/issues", owner, body, key));
    HttpResponse<String> a = one.get(30, TimeUnit.SECONDS);
    HttpResponse<String> b = two.get(30, TimeUnit.SECONDS);
    assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
    assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
    String id = json(a).get("id").asString();
    assertThat(json(b).get("id").asString()).isEqualTo(id);
    // and through each gateway
    for (String gateway : List.of(GATEWAY, GATEWAY_2)) {
      HttpResponse<String> again = call("POST", gateway + "/api/issues", owner, body, key);
      assertThat(again.statusCode()).isEqualTo(201);
      assertThat(json(again).get("id").asString()).isEqualTo(id);
    }
    HttpResponse<String> cases =
        Platform.get("/api/issues?projectId=" + projectId + "&size=50", token("coord.hgt"));
    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(json(cases).get("content")).hasSize(1);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  static HttpResponse<String> call(
      String method, String url, String token, String body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  static HttpResponse<String> postEvent(String instance, String body, String serviceToken) {
    return call("POST", instance + "/internal/events", serviceToken, body, null);
  }

  /** GETs of /api/issues this issue-service instance served, from its Prometheus scrape. */
  static long servedCount(String managementPort) {
    HttpResponse<String> scrape =
        call(
            "GET", "http://localhost:" + managementPort + "/actuator/prometheus", null, null, null);
    assertThat(scrape.statusCode()).isEqualTo(200);
    return scrape
        .body()
        .lines()
        .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
        .filter(l -> l.contains("method=\"GET\"") && l.contains("uri=\"/api/issues\""))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  static HttpResponse<Stream<String>> openStream(String instance, String user) throws Exception {
    HttpResponse<Stream<String>> stream =
        Platform.HTTP.send(
            HttpRequest.newBuilder(URI.create(instance + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    return stream;
  }

  /**
   * Reads the stream on another thread, keeping every line; waits for its ready event and answers
   * when a line containing {@code text} first arrives.
   */
  static CompletableFuture<Long> arrival(
      HttpResponse<Stream<String>> stream, String text, List<String> lines) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    CompletableFuture<Long> seen = new CompletableFuture<>();
    CompletableFuture.runAsync(
        () -> {
          try {
            stream
                .body()
                .forEach(
                    line -> {
                      synchronized (lines) {
                        lines.add(line);
                      }
                      if (line.startsWith("event:") && line.contains("ready")) {
                        ready.complete(null);
                      } else if (line.contains(text) && !line.contains(text + "-warm")) {
                        seen.complete(System.nanoTime());
                      }
                    });
          } catch (RuntimeException closed) {
            // the test closed the stream
          }
          seen.completeExceptionally(new IllegalStateException("stream ended before " + text));
        });
    await().atMost(Duration.ofSeconds(10)).until(ready::isDone);
    return seen;
  }

  static long mentions(List<String> lines, String number) {
    synchronized (lines) {
      return lines.stream()
          .filter(l -> l.startsWith("data:") && l.contains("\"" + number + "\""))
          .count();
    }
  }

  static long inbox(String user, String issueId, String type) {
    HttpResponse<String> response = Platform.get("/api/notifications?size=100", token(user));
    if (response.statusCode() != 200) {
      return -1;
    }
    long count = 0;
    for (JsonNode n : json(response).get("content")) {
      if (issueId.equals(n.path("subjectId").asString())
          && type.equals(n.path("type").asString())) {
        count++;
      }
    }
    return count;
  }

  static long timeline(String issueId, String type) {
    JsonNode entries =
        json(Platform.get("/api/issues/" + issueId + "/timeline", token("manager.jx")));
    long count = 0;
    for (JsonNode e : entries) {
      if (type.equals(e.get("type").asString())) {
        count++;
      }
    }
    return count;
  }
}
