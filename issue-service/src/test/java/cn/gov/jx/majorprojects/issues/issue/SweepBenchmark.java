package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.IssueServiceApplication;
import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The escalation sweep at {@code open} running cases of which {@code overdue} are past their
 * deadline, against the embedded mongo-java-server (which does not build non-unique indexes, so
 * this is the cost of the sweep's code and a full scan, not of MongoDB's index). Run with {@code
 * -Pbench}; never part of {@code verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SweepBenchmark {

  @Param({"100000"})
  public int open;

  @Param({"100"})
  public int overdue;

  private MongoServer server;
  private ConfigurableApplicationContext context;
  private MongoTemplate mongo;
  private EscalationSweep sweep;
  private final List<String> overdueIds = new ArrayList<>();
  private TimelineEntry firstEntry;

  @Setup(Level.Trial)
  public void start() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    context =
        // command-line arguments: they win over application.yml, default properties do not
        new SpringApplicationBuilder(IssueServiceApplication.class)
            .run(
                "--spring.mongodb.uri=mongodb://127.0.0.1:"
                    + server.getLocalAddress().getPort()
                    + "/bench",
                "--server.port=0",
                "--management.server.port=0",
                "--issues.scheduling-enabled=false",
                "--logging.level.root=WARN");
    mongo = context.getBean(MongoTemplate.class);
    sweep = context.getBean(EscalationSweep.class);
    Instant now = Instant.now();
    firstEntry =
        TimelineEntry.next(
            null,
            "SUBMITTED",
            "owner.hgt",
            now,
            null,
            null,
            RegionLevel.COUNTY,
            "360113",
            Map.of());
    List<Issue> batch = new ArrayList<>();
    for (int n = 0; n < open; n++) {
      Issue issue = issue(n, now);
      if (n % (open / overdue) == 0 && overdueIds.size() < overdue) {
        overdueIds.add(issue.id);
      }
      batch.add(issue);
      if (batch.size() == 5000) {
        mongo.insert(batch, Issue.class);
        batch.clear();
      }
    }
    mongo.insert(batch, Issue.class);
  }

  private Issue issue(int n, Instant now) {
    Issue i = new Issue();
    i.id = "bench-%06d".formatted(n);
    i.number = "JX-2026-%06d".formatted(n + 1);
    i.idempotencyKey = "bench:" + n;
    i.requestHash = "-";
    i.projectId = "p-" + (n % 500);
    i.projectName = "项目" + (n % 500);
    i.projectRegion = "360113";
    i.ownerOrg = "org-nc-metro";
    i.title = "堵点" + n;
    i.category = Category.LAND;
    i.urgency = Urgency.NORMAL;
    i.status = n % 2 == 0 ? IssueStatus.OPEN : IssueStatus.IN_PROGRESS;
    i.level = RegionLevel.COUNTY;
    i.handlingRegion = "360113";
    i.regionsPassed.add("360113");
    i.levelSince = now;
    i.acceptDueAt = now.plus(Duration.ofDays(1));
    i.dueAt = now.plus(Duration.ofDays(7));
    i.yellowAt = now.plus(Duration.ofDays(5));
    i.policyVersion = 1;
    i.reporter = "owner.hgt";
    i.reporterOrg = "org-nc-metro";
    i.createdAt = now;
    i.timeline.add(firstEntry);
    i.version = 0L;
    return i;
  }

  /** Puts the chosen cases back at county level, an hour overdue, before every sweep. */
  @Setup(Level.Invocation)
  public void makeOverdue() {
    Instant now = Instant.now();
    mongo.updateMulti(
        Query.query(Criteria.where("_id").in(overdueIds)),
        new Update()
            .set("status", IssueStatus.OPEN)
            .set("level", RegionLevel.COUNTY)
            .set("handlingRegion", "360113")
            .set("regionsPassed", List.of("360113"))
            .set("levelSince", now.minus(Duration.ofDays(8)))
            .set("dueAt", now.minus(Duration.ofHours(1)))
            .set("yellowAt", now.minus(Duration.ofDays(2)))
            .set("notedWarning", Warning.GREEN)
            .set("timeline", List.of(firstEntry))
            .set("outbox", List.of()),
        Issue.class);
  }

  /** The overdue query alone: what the sweep reads to find its work. */
  @Benchmark
  public long overdueQuery() {
    Query query =
        Query.query(
            Criteria.where("status")
                .in(IssueStatus.OPEN, IssueStatus.IN_PROGRESS)
                .and("level")
                .in(RegionLevel.COUNTY, RegionLevel.CITY)
                .and("dueAt")
                .lt(Instant.now()));
    query.fields().include("_id");
    return mongo.find(query, Issue.class).size();
  }

  /** A whole sweep: find and escalate the overdue cases (and look for colour changes). */
  @Benchmark
  public EscalationSweep.Result sweep() {
    EscalationSweep.Result result = sweep.sweep();
    if (result.escalated() != overdue) {
      throw new IllegalStateException("expected " + overdue + " escalations, got " + result);
    }
    return result;
  }

  @TearDown(Level.Trial)
  public void stop() {
    context.close();
    server.shutdownNow();
  }
}
