package cn.gov.jx.majorprojects.projects.dashboard;


import cn.gov.jx.majorprojects.projects.client.issue.CoordinationStats;
import cn.gov.jx.majorprojects.projects.client.issue.IssueClient;
import cn.gov.jx.majorprojects.projects.project.ProjectLevel;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Decimal128;
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
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One dashboard request (the province with its 11 cities) against the embedded
 * mongo-java-server holding N projects with 12 monthly reports each. The roll-ups are built with
 * the same {@link ProjectFigures} the write path uses; the request itself reads only roll-ups.
 * Run: {@code ./mvnw -B -ntp -Pbench -pl platform-support,project-service verify -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class DashboardBenchmark {

  @Param({"1000", "10000", "100000"})
  int projects;

  MongoServer server;
  MongoClient client;
  DashboardService service;
  PlatformUser provinceManager =
      new PlatformUser("manager.jx", "manager.jx", Set.of(PlatformRole.MANAGER), "360000", null);

  @Setup(Level.Trial)
  public void generate() {
    server = new MongoServer(new MemoryBackend());
    String address = "mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", "");
    client = MongoClients.create(address);
    MongoTemplate mongo = new MongoTemplate(client, "bench");
    RegionTree tree = RegionTree.bundled();
    List<Region> counties =
        tree.all().stream().filter(r -> r.level() == RegionLevel.COUNTY).toList();

    Random random = new Random(42);
    MongoCollection<Document> projectDocs = mongo.getCollection("projects");
    MongoCollection<Document> reportDocs = mongo.getCollection("progress_reports");
    Map<String, Map<String, Long>> rollups = new HashMap<>();
    List<Document> projectBatch = new ArrayList<>();
    List<Document> reportBatch = new ArrayList<>();
    ProjectStatus[] statuses = ProjectStatus.values();
    for (int i = 0; i < projects; i++) {
      String id = "p" + i;
      Region county = counties.get(random.nextInt(counties.size()));
      ProjectStatus status = statuses[random.nextInt(statuses.length)];
      ProjectLevel level = ProjectLevel.values()[random.nextInt(3)];
      LocalDate start = LocalDate.of(2026, 1 + random.nextInt(12), 1);
      BigDecimal plan = BigDecimal.valueOf(1_000 + random.nextInt(100_000));
      List<ProjectFigures.MonthReport> reports = new ArrayList<>();
      for (int m = 1; m <= 12; m++) {
        BigDecimal amount = plan.divide(BigDecimal.valueOf(12 + random.nextInt(6)), 4, java.math.RoundingMode.HALF_UP);
        int workers = random.nextInt(500);
        boolean suspended = random.nextInt(50) == 0;
        reports.add(new ProjectFigures.MonthReport(YearMonth.of(2026, m), amount, workers, suspended));
        reportBatch.add(
            new Document("_id", id + ":2026-" + String.format("%02d", m))
                .append("projectId", id)
                .append("period", "2026-" + String.format("%02d", m))
                .append(
                    "revisions",
                    List.of(
                        new Document("revision", 1)
                            .append("investmentCompleted", new Decimal128(amount))
                            .append("workersOnSite", workers)
                            .append("siteState", suspended ? "SUSPENDED" : "WORKING"))));
      }
      projectBatch.add(
          new Document("_id", id)
              .append("code", "2026-" + county.code() + "-48-01-" + String.format("%06d", i))
              .append("regionCode", county.code())
              .append("status", status.name())
              .append("level", level.name()));
      Warning.Level warning = Warning.Level.values()[random.nextInt(3)];
      var figures =
          ProjectFigures.of(
              new ProjectFigures.Inputs(
                  status,
                  level,
                  warning,
                  start,
                  start.plusYears(2),
                  status == ProjectStatus.PLANNED ? null : start,
                  Map.of(2026, plan),
                  reports));
      for (Region r : tree.pathToRoot(county.code())) {
        figures.forEach(
            (year, f) -> {
              Map<String, Long> target =
                  rollups.computeIfAbsent(DashboardRollups.idOf(r.code(), year), k -> new HashMap<>());
              f.forEach((k, v) -> target.merge(k, v, Long::sum));
            });
      }
      if (reportBatch.size() >= 12_000) {
        reportDocs.insertMany(reportBatch);
        reportBatch.clear();
        projectDocs.insertMany(projectBatch);
        projectBatch.clear();
      }
    }
    if (!reportBatch.isEmpty()) {
      reportDocs.insertMany(reportBatch);
      projectDocs.insertMany(projectBatch);
    }
    List<Document> rollupDocs = new ArrayList<>();
    rollups.forEach(
        (id, f) -> {
          String[] parts = id.split(":");
          rollupDocs.add(
              new Document("_id", id)
                  .append("regionCode", parts[0])
                  .append("year", Integer.parseInt(parts[1]))
                  .append("f", new Document(new HashMap<String, Object>(f))));
        });
    mongo.getCollection(DashboardRollups.ROLLUPS).insertMany(rollupDocs);

    // issue-service answering at once: the benchmark measures this service's own work
    IssueClient issues =
        (region, year) -> new CoordinationStats(region, year, 10, 8, 6, 1, List.of());
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    service = new DashboardService(mongo, new Jurisdiction(tree), issues, clock);
    if (projectDocs.countDocuments() != projects) {
      throw new IllegalStateException("generated " + projectDocs.countDocuments());
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.shutdownNow();
  }

  @Benchmark
  public DashboardView province() {
    return service.dashboard(provinceManager, "360000", 2026);
  }
}
