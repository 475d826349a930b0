package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of one component at a time while real users act through the gateway, then {@code
 * ./platform up}: every 2xx is in the data, every event of it reached the predictable recipient's
 * inbox exactly once, timelines verify, a failed intake retried with its Idempotency-Key is one
 * case, and the outboxes drain within 60 s of the restart. The embedded MongoDB (store {@code
 * memory} in e2e: its kill loses everything by design) is tested for a clean outage instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsE2ETests {

  private static final Path RUN = Path.of(System.getProperty("e2e.home", "target/platform"), "run");
  private static final String OWNER = "owner.hgt";
  private static final String COORDINATOR = "coord.hgt";

  /** The users of a stream and the calls of the outage test run at once (not the common pool). */
  private static final ExecutorService POOL = Executors.newCachedThreadPool();

  /** The class outlives a token (5 min): each test starts with new ones. */
  @BeforeEach
  void freshTokens() {
    Platform.forgetTokens();
  }

  @Test
  @Order(1)
  void killingIssueServiceLosesNothingAndDoublesNothing() throws Exception {
    new ActionStream("issue-service").runThroughKill();
  }

  @Test
  @Order(2)
  void killingProjectServiceLosesNothingAndDoublesNothing() throws Exception {
    new ActionStream("project-service").runThroughKill();
  }

  @Test
  @Order(3)
  void killingNotificationServiceLosesNothingAndDoublesNothing() throws Exception {
    new ActionStream("notification-service").runThroughKill();
  }

  @Test
  @Order(4)
  void killingTheGatewayLosesNothingAndDoublesNothing() throws Exception {
    new ActionStream("gateway").runThroughKill();
  }

  /**
   * The e2e store is {@code memory}: a kill -9 empties it (README, "The embedded MongoDB loses data
   * on a kill -9"). What must hold: while it is down every service answers its own 503 problem
   * within a few seconds (3 s server selection timeout, GETs tried three times by the gateway), not
   * a 504 after the driver's 30 s; they reconnect by themselves when it is back, on an empty store;
   * once they re-seeded (restart) new writes go through.
   */
  @Test
  @Order(5)
  void duringAMongoOutageCallsFailCleanlyAndAfterItWritesWorkAgain() throws Exception {
    String projectId = IssuesE2ETests.honggutanProject("故障-mongo").get("id").asString();
    String caseId = IssuesE2ETests.report(projectId, "故障-mongo-前");
    kill9("mongo");
    try {
      List<CompletableFuture<Outcome>> calls =
          List.of(
              CompletableFuture.supplyAsync(
                  () -> call("GET", "/api/issues/" + caseId, OWNER, null, null), POOL),
              CompletableFuture.supplyAsync(
                  () -> call("GET", "/api/projects/" + projectId, OWNER, null, null), POOL),
              CompletableFuture.supplyAsync(
                  () -> call("GET", "/api/notifications?size=5", OWNER, null, null), POOL),
              CompletableFuture.supplyAsync(
                  () ->
                      call(
                          "POST",
                          "/api/issues",
                          OWNER,
                          IssuesE2ETests.issueBody(projectId, "故障-mongo-中"),
                          "mongo-" + UUID.randomUUID()),
                  POOL));
      for (CompletableFuture<Outcome> call : calls) {
        Outcome outcome = call.get(60, TimeUnit.SECONDS);
        System.out.println("during the mongo outage: " + outcome);
        assertThat(outcome.status).as(outcome.toString()).isEqualTo(503);
        assertThat(outcome.contentType)
            .as(outcome.toString())
            .startsWith("application/problem+json");
        assertThat(outcome.body).as(outcome.toString()).doesNotContain("Exception", "at cn.gov");
        assertThat(outcome.millis).as(outcome.toString()).isLessThan(15_000);
      }
    } finally {
      platform("up");
    }
    // the services reconnect by themselves: reads answer again, on an empty store
    await("reads answer again after mongo's restart")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> call("GET", "/api/notifications?size=5", OWNER, null, null).status == 200);
    await("the memory store lost the project (404, no longer 503)")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> call("GET", "/api/projects/" + projectId, "admin", null, null).status == 404);
    Outcome unseeded = call("POST", "/api/projects", "admin", projectBody("故障-mongo-后"), null);
    System.out.println("a write after mongo's restart, before the services re-seed: " + unseeded);
    // the emptied store lost what the services seed at start (regions, policy, indexes): restart
    // them
    for (String service : List.of("issue-service", "project-service", "notification-service")) {
      platform("stop", service);
    }
    platform("up");
    Platform.forgetTokens(); // the outage and the restarts took minutes
    awaitRoutedAgain("mongo");
    String newProject = IssuesE2ETests.honggutanProject("故障-mongo-后").get("id").asString();
    String key = "mongo-after-" + UUID.randomUUID();
    Outcome created =
        call("POST", "/api/issues", OWNER, IssuesE2ETests.issueBody(newProject, "故障-mongo-后"), key);
    assertThat(created.status).as(created.toString()).isEqualTo(201);
    String id = tree(created.body).get("id").asString();
    assertThat(call("POST", "/api/issues/" + id + "/accept", COORDINATOR, "", null).status)
        .isEqualTo(200);
    await("the owner hears of the acceptance")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> inbox(OWNER).getOrDefault(id + "/ACCEPTED", 0) == 1);
  }

  /** One stream of real actions through the gateway, with one component killed in the middle. */
  private static final class ActionStream {
    final String component;
    final String projectId;
    final String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger successes = new AtomicInteger();
    final AtomicInteger actions = new AtomicInteger();
    final AtomicInteger intakesOk = new AtomicInteger();
    final AtomicInteger reportsOk = new AtomicInteger();
    final AtomicInteger handledOk = new AtomicInteger();
    final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    /** title → case id, for every intake that got a 2xx (first or on a retry with its key). */
    final Map<String, String> cases = new ConcurrentHashMap<>();

    /** titles of intakes that failed at least once (5xx, connection error, 429, 401). */
    final List<String> failedIntakes = new CopyOnWriteArrayList<>();

    final Map<String, String> keyOfTitle = new ConcurrentHashMap<>();
    final BlockingQueue<String> toHandle = new LinkedBlockingQueue<>();

    /** case id → the action types that got a 2xx, and those attempted at all. */
    final Map<String, List<String>> done = new ConcurrentHashMap<>();

    final Map<String, List<String>> attempted = new ConcurrentHashMap<>();
    final List<String> reportNotesDone = new CopyOnWriteArrayList<>();
    final List<String> reportNotesFailed = new CopyOnWriteArrayList<>();

    ActionStream(String component) {
      this.component = component;
      this.projectId = IssuesE2ETests.honggutanProject("故障-" + component).get("id").asString();
    }

    void runThroughKill() throws Exception {
      List<CompletableFuture<Void>> workers =
          List.of(
              CompletableFuture.runAsync(this::reporter, POOL),
              CompletableFuture.runAsync(this::coordinator, POOL),
              CompletableFuture.runAsync(this::monthlyReports, POOL));
      Instant restarted;
      try {
        await(component + ": warm-up, each user's actions go through")
            .atMost(Duration.ofSeconds(120))
            .until(() -> intakesOk.get() >= 3 && reportsOk.get() >= 3 && handledOk.get() >= 5);
        int before = actions.get();
        kill9(component);
        Instant killed = Instant.now();
        platform("up");
        restarted = Instant.now();
        watchTheBacklogDrain(restarted);
        System.out.printf(
            "%s: killed after %d actions, back after %d s%n",
            component, before, Duration.between(killed, restarted).toSeconds());
        awaitRoutedAgain(component);
        int intakes = intakesOk.get();
        int reports = reportsOk.get();
        int handled = handledOk.get();
        await(component + ": each user's actions go through again after the restart")
            .atMost(Duration.ofSeconds(180))
            .until(
                () ->
                    intakesOk.get() >= intakes + 3
                        && reportsOk.get() >= reports + 3
                        && handledOk.get() >= handled + 5);
      } finally {
        stop.set(true);
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new))
            .get(120, TimeUnit.SECONDS);
      }
      retryFailedIntakesWithTheirKeys();
      Map<String, Long> byStatus = new java.util.TreeMap<>();
      outcomes.forEach(o -> byStatus.merge(o.label(), 1L, Long::sum));
      System.out.printf("%s: %d actions, outcomes %s%n", component, actions.get(), byStatus);
      outcomes.stream()
          .filter(o -> o.status >= 500 && o.status != 503)
          .forEach(o -> System.out.println(component + ": " + o));
      assertThat(outcomes)
          .filteredOn(o -> o.status >= 200 && o.status < 300)
          .hasSizeGreaterThanOrEqualTo(30);
      // a failure is a clean one: refused (409), limited, unavailable or cut off, never a 500;
      // 401 only for a token that expired during the class (fetched anew)
      assertThat(outcomes)
          .filteredOn(o -> !o.ok())
          .allSatisfy(
              o -> assertThat(o.status).as(o.toString()).isIn(0, 401, 409, 429, 502, 503, 504));
      assertThat(outcomes)
          .filteredOn(o -> o.status >= 500)
          .allSatisfy(
              o ->
                  assertThat(o.contentType)
                      .as(o.toString())
                      .startsWith("application/problem+json"));

      everyIntakeIsExactlyOneCase();
      everyActionIsInItsCasesIntactTimeline();
      everyReportRevisionIsStoredOnce();
      everyEventReachedTheInboxExactlyOnce();
      outboxesDrainWithin60sOf(restarted);
    }

    // ---- the three users ----------------------------------------------------------------------

    /** owner.hgt reports blockers, each with its own Idempotency-Key, retried until accepted. */
    void reporter() {
      int n = 0;
      while (!stop.get()) {
        String title = "故障-" + component + "-" + (++n);
        String key = component + "-" + UUID.randomUUID();
        keyOfTitle.put(title, key);
        while (!stop.get()) {
          Outcome o =
              act("POST", "/api/issues", OWNER, IssuesE2ETests.issueBody(projectId, title), key);
          if (o.ok()) {
            String id = tree(o.body).get("id").asString();
            cases.put(title, id);
            toHandle.add(id);
            intakesOk.incrementAndGet();
            break;
          }
          failedIntakes.add(title);
          pause(o);
        }
        sleep(700);
      }
    }

    /** coord.hgt accepts each case, posts in its thread, then resolves or escalates it. */
    void coordinator() {
      int n = 0;
      while (!stop.get()) {
        String id;
        try {
          id = toHandle.poll(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (id == null) {
          continue;
        }
        boolean escalate = ++n % 2 == 0;
        for (String[] step :
            List.of(
                new String[] {"accept", "", "ACCEPTED"},
                new String[] {"messages", "{\"body\":\"已协调征迁办现场办公\"}", "MESSAGE_POSTED"},
                escalate
                    ? new String[] {"escalate", "{\"reason\":\"需市级统筹\"}", "ESCALATED"}
                    : new String[] {"resolve", "{\"resolution\":\"征迁已完成\"}", "RESOLVED"})) {
          while (!stop.get()) {
            attempted.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(step[2]);
            Outcome o =
                act("POST", "/api/issues/" + id + "/" + step[0], COORDINATOR, step[1], null);
            if (o.ok()) {
              done.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(step[2]);
              handledOk.incrementAndGet();
              break;
            }
            if (o.status == 409) {
              break; // an earlier attempt whose answer was lost went through (checked below)
            }
            pause(o);
          }
          sleep(150);
        }
      }
    }

    /** owner.hgt files and corrects this month's progress report: every PUT is a revision. */
    void monthlyReports() {
      int n = 0;
      while (!stop.get()) {
        String note = component + "-" + (++n);
        String body =
            "{\"investmentCompleted\":%d,\"physicalProgressPercent\":%d,\"workersOnSite\":80,\"siteState\":\"WORKING\",\"note\":\"%s\"}"
                .formatted(100 + n, Math.min(n, 100), note);
        Outcome o =
            act(
                "PUT",
                "/api/projects/" + projectId + "/progress-reports/" + period,
                OWNER,
                body,
                null);
        if (o.ok()) {
          reportNotesDone.add(note);
          reportsOk.incrementAndGet();
          sleep(1000);
        } else {
          reportNotesFailed.add(note);
          pause(o);
        }
      }
    }

    Outcome act(String method, String path, String user, String body, String key) {
      Outcome o = call(method, path, user, body, key);
      actions.incrementAndGet();
      outcomes.add(o);
      if (o.ok()) {
        successes.incrementAndGet();
      }
      if (o.status == 401) {
        Platform.forgetToken(user);
      }
      return o;
    }

    // ---- what must hold afterwards ------------------------------------------------------------

    void retryFailedIntakesWithTheirKeys() {
      for (String title : List.copyOf(keyOfTitle.keySet())) {
        if (cases.containsKey(title) || !failedIntakes.contains(title)) {
          continue;
        }
        Outcome o =
            call(
                "POST",
                "/api/issues",
                OWNER,
                IssuesE2ETests.issueBody(projectId, title),
                keyOfTitle.get(title));
        assertThat(o.status).as("retry of " + title + ": " + o).isIn(200, 201);
        cases.put(title, tree(o.body).get("id").asString());
      }
    }

    void everyIntakeIsExactlyOneCase() {
      Map<String, Integer> perTitle = new HashMap<>();
      for (int page = 0; ; page++) {
        Outcome list =
            call(
                "GET",
                "/api/issues?size=100&page=" + page + "&projectId=" + projectId,
                OWNER,
                null,
                null);
        assertThat(list.status).as(list.toString()).isEqualTo(200);
        tree(list.body)
            .get("content")
            .forEach(c -> perTitle.merge(c.get("title").asString(), 1, Integer::sum));
        if (page + 1 >= tree(list.body).get("totalPages").asInt()) {
          break;
        }
      }
      for (Map.Entry<String, String> c : cases.entrySet()) {
        assertThat(perTitle.get(c.getKey())).as("cases titled " + c.getKey()).isEqualTo(1);
        assertThat(call("GET", "/api/issues/" + c.getValue(), OWNER, null, null).status)
            .isEqualTo(200);
      }
      // no case that nobody asked for: every stored case is one of the intakes
      assertThat(cases.keySet()).containsAll(perTitle.keySet());
    }

    void everyActionIsInItsCasesIntactTimeline() {
      for (String id : cases.values()) {
        Outcome timeline = call("GET", "/api/issues/" + id + "/timeline", OWNER, null, null);
        assertThat(timeline.status).isEqualTo(200);
        Map<String, Integer> stored = new HashMap<>();
        tree(timeline.body).forEach(e -> stored.merge(e.get("type").asString(), 1, Integer::sum));
        assertThat(stored.get("SUBMITTED")).as("SUBMITTED of " + id).isEqualTo(1);
        for (String type : List.of("ACCEPTED", "MESSAGE_POSTED", "RESOLVED", "ESCALATED")) {
          int ok = Collections.frequency(done.getOrDefault(id, List.of()), type);
          int asked = Collections.frequency(attempted.getOrDefault(id, List.of()), type);
          // every 2xx is in the data; nothing is there more often than it was asked for
          assertThat(stored.getOrDefault(type, 0))
              .as(type + " of " + id + " (2xx " + ok + ", asked " + asked + ")")
              .isBetween(ok, asked);
        }
        Outcome verify = call("GET", "/api/issues/" + id + "/timeline/verify", OWNER, null, null);
        assertThat(verify.status).as(verify.toString()).isEqualTo(200);
        assertThat(tree(verify.body).get("intact").asBoolean()).as("timeline of " + id).isTrue();
      }
    }

    void everyReportRevisionIsStoredOnce() {
      Outcome revisions =
          call(
              "GET",
              "/api/projects/" + projectId + "/progress-reports/" + period + "/revisions",
              OWNER,
              null,
              null);
      assertThat(revisions.status).isEqualTo(200);
      Map<String, Integer> notes = new HashMap<>();
      tree(revisions.body).forEach(r -> notes.merge(r.get("note").asString(), 1, Integer::sum));
      for (String note : reportNotesDone) {
        assertThat(notes.get(note)).as("revision " + note).isEqualTo(1);
      }
      for (String note : reportNotesFailed) {
        assertThat(notes.getOrDefault(note, 0))
            .as("failed revision " + note)
            .isLessThanOrEqualTo(1);
      }
      assertThat(notes.keySet()).allMatch(n -> n.startsWith(component + "-"));
    }

    /**
     * Recipients one can predict: the owner hears of every entry of the case another user made
     * (coord.hgt's actions, the system's), the county coordinator of its submission.
     */
    void everyEventReachedTheInboxExactlyOnce() {
      Map<String, Integer> owed = new LinkedHashMap<>();
      for (String id : cases.values()) {
        for (JsonNode e :
            tree(call("GET", "/api/issues/" + id + "/timeline", OWNER, null, null).body)) {
          if (!OWNER.equals(e.get("actor").asString())) {
            owed.merge(id + "/" + e.get("type").asString(), 1, Integer::sum);
          }
        }
      }
      await(component + ": every event in owner.hgt's inbox")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(3))
          .until(() -> missing(owed, inbox(OWNER)).isEmpty());
      // and nothing twice, also a few seconds later (a relay may redeliver after a restart)
      sleep(5000);
      Map<String, Integer> ownerInbox = inbox(OWNER);
      owed.forEach((k, n) -> assertThat(ownerInbox.get(k)).as("owner.hgt: " + k).isEqualTo(n));
      Map<String, Integer> coordinatorInbox = inbox(COORDINATOR);
      for (String id : cases.values()) {
        assertThat(coordinatorInbox.get(id + "/SUBMITTED"))
            .as("coord.hgt: SUBMITTED " + id)
            .isEqualTo(1);
      }
    }

    void outboxesDrainWithin60sOf(Instant restarted) {
      Duration left = Duration.ofSeconds(60).minus(Duration.between(restarted, Instant.now()));
      Duration limit = left.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : left;
      try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
        await(component + ": the outboxes drain")
            .atMost(limit)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> waitingOutboxes(mongo) == 0);
      }
      Instant empty = Instant.now();
      System.out.printf(
          "%s: outboxes empty %d s after the restart%n",
          component, Duration.between(restarted, empty).toSeconds());
      reportTheDrainTime(restarted, empty);
    }

    /** The events waiting in the outboxes when the component was back, and when the last left. */
    volatile Set<String> backlogAtRestart = Set.of();

    volatile Instant backlogDrainedAt;
    CompletableFuture<Void> drainWatch = CompletableFuture.completedFuture(null);

    /**
     * Measures the drain time for the docs: from the restart until no event that was waiting then
     * is still in an outbox (sampled every 500 ms while the users go on acting, so later events do
     * not count). The assertion above stays the 60 s promise; this only records the figure.
     */
    void watchTheBacklogDrain(Instant restarted) {
      drainWatch =
          CompletableFuture.runAsync(
              () -> {
                try (MongoClient mongo = MongoClients.create(System.getProperty("e2e.mongo"))) {
                  Set<String> backlog = waitingEventIds(mongo);
                  backlogAtRestart = backlog;
                  while (Duration.between(restarted, Instant.now()).toSeconds() < 300) {
                    if (Collections.disjoint(backlog, waitingEventIds(mongo))) {
                      backlogDrainedAt = Instant.now();
                      return;
                    }
                    sleep(500);
                  }
                }
              },
              POOL);
    }

    void reportTheDrainTime(Instant restarted, Instant empty) {
      try {
        drainWatch.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.out.println(component + ": the drain watch failed: " + e);
      }
      String line =
          backlogDrainedAt == null
              ? String.format(
                  "outbox not drained within 300 s after restart of %s (%d events waiting at the"
                      + " restart)",
                  component, backlogAtRestart.size())
              : String.format(
                  java.util.Locale.ROOT,
                  "outbox drained in %.1f s after restart of %s (%d events waiting at the"
                      + " restart; every outbox empty at the check, %d s after the restart)",
                  Duration.between(restarted, backlogDrainedAt).toMillis() / 1000.0,
                  component,
                  backlogAtRestart.size(),
                  Duration.between(restarted, empty).toSeconds());
      System.out.println(line);
      try {
        Files.writeString(
            Path.of("target", "outbox-drain-times.txt"),
            Instant.now() + " " + line + "\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        System.out.println("could not record the drain time: " + e);
      }
    }
  }

  /** The ids of the events waiting in any outbox of issue-service and project-service. */
  static Set<String> waitingEventIds(MongoClient mongo) {
    Set<String> ids = new HashSet<>();
    for (String[] outbox : OUTBOXES) {
      for (org.bson.Document doc :
          mongo
              .getDatabase(outbox[0])
              .getCollection(outbox[1])
              .find(Filters.exists("outbox.eventId"))
              .projection(Projections.include("outbox.eventId"))) {
        for (org.bson.Document event : doc.getList("outbox", org.bson.Document.class, List.of())) {
          ids.add(event.getString("eventId"));
        }
      }
    }
    return ids;
  }

  static final List<String[]> OUTBOXES =
      List.of(
          new String[] {"issues", "issues"},
          new String[] {"projects", "projects"},
          new String[] {"projects", "progress_reports"},
          new String[] {"projects", "report_chases"},
          new String[] {"projects", "region_alerts"});

  /** Documents with a waiting event in any outbox of issue-service and project-service. */
  static long waitingOutboxes(MongoClient mongo) {
    long waiting = 0;
    for (String[] outbox : OUTBOXES) {
      waiting +=
          mongo
              .getDatabase(outbox[0])
              .getCollection(outbox[1])
              .countDocuments(Filters.exists("outbox.eventId"));
    }
    return waiting;
  }

  /** After a restart: the gateway's circuit for a service it saw fail stays open 10 s more. */
  static void awaitRoutedAgain(String what) {
    await(what + ": the gateway routes to every service again")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                java.util.stream.Stream.of(
                        "/api/regions", "/api/issues?size=1", "/api/notifications?size=1")
                    .allMatch(path -> call("GET", path, OWNER, null, null).status == 200));
  }

  private static List<String> missing(Map<String, Integer> owed, Map<String, Integer> inbox) {
    List<String> out = new ArrayList<>();
    owed.forEach(
        (k, n) -> {
          if (inbox.getOrDefault(k, 0) < n) {
            out.add(k);
          }
        });
    return out;
  }

  /** The user's whole inbox as counts per {@code subjectId/type}. */
  static Map<String, Integer> inbox(String user) {
    Map<String, Integer> counts = new HashMap<>();
    for (int page = 0; ; page++) {
      Outcome o = call("GET", "/api/notifications?size=100&page=" + page, user, null, null);
      assertThat(o.status).as(o.toString()).isEqualTo(200);
      JsonNode body = tree(o.body);
      body.get("content")
          .forEach(
              n ->
                  counts.merge(
                      n.get("subjectId").asString() + "/" + n.get("type").asString(),
                      1,
                      Integer::sum));
      if (page + 1 >= body.get("totalPages").asInt()) {
        return counts;
      }
    }
  }

  // ---- plumbing -----------------------------------------------------------------------------

  /** What a request got: a status (0 for a connection error or timeout), its time and body. */
  record Outcome(String request, int status, String contentType, String body, long millis) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    String label() {
      return status == 0 ? "connection error" : String.valueOf(status);
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : body.substring(0, Math.min(200, body.length()));
      return request + " -> " + label() + " in " + millis + " ms " + contentType + " " + shown;
    }
  }

  /**
   * One request through the gateway. A 401 (the user's token expired: the class runs longer than a
   * token lives) is made once more with a new token; a GET the rate limit refused (429: the
   * read-backs are many) is made again after a second.
   */
  static Outcome call(String method, String path, String user, String body, String key) {
    Outcome o = callOnce(method, path, user, body, key);
    for (int retry = 0; retry < 10; retry++) {
      if (o.status == 401 && retry == 0) {
        Platform.forgetToken(user);
      } else if (o.status == 429 && method.equals("GET")) {
        sleep(1000);
      } else {
        return o;
      }
      o = callOnce(method, path, user, body, key);
    }
    return o;
  }

  private static Outcome callOnce(
      String method, String path, String user, String body, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(GATEWAY + path))
            .timeout(Duration.ofSeconds(40))
            .header("Authorization", "Bearer " + Platform.token(user))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r =
          Platform.HTTP.send(
              request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Outcome(
          method + " " + path,
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          r.body(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (Exception e) {
      return new Outcome(
          method + " " + path, 0, "", e.toString(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  static JsonNode tree(String body) {
    return Platform.JSON.readTree(body);
  }

  /** SIGKILL to the component's process (and its children) by the pid in its pid file. */
  static void kill9(String component) throws Exception {
    long pid = Long.parseLong(Files.readString(RUN.resolve(component + ".pid")).trim());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    assertThat(process.destroyForcibly()).as("SIGKILL to " + component).isTrue();
    process.onExit().get(30, TimeUnit.SECONDS);
    System.out.println("kill -9 " + component + " (pid " + pid + ")");
  }

  static String projectBody(String name) {
    return """
        {"code":"2026-360113-48-01-%d","name":"%s","level":"CITY","regionCode":"360113",
         "industry":"URBAN","ownerOrg":"org-nc-metro","ownerOrgName":"南昌地铁集团",
         "totalInvestment":1000,"plannedStart":"2026-03-01","plannedFinish":"2028-12-31",
         "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
        .formatted(100000 + (int) (Math.random() * 899999), name);
  }

  /** After a failed call: a moment for the platform (a connection error fails at once). */
  private static void pause(Outcome o) {
    sleep(o.status == 429 ? 2000 : 1000);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
