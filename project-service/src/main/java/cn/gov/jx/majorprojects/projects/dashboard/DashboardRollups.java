package cn.gov.jx.majorprojects.projects.dashboard;

import cn.gov.jx.majorprojects.projects.plan.Blockers;
import cn.gov.jx.majorprojects.projects.plan.PlannedInvestments;
import cn.gov.jx.majorprojects.projects.progress.ProgressReports;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.region.RegionCatalog;
import cn.gov.jx.majorprojects.projects.warning.ProjectFiguresChanged;
import cn.gov.jx.majorprojects.support.region.Region;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps one roll-up document per region and year (county and every ancestor) current on write. Each
 * project's last counted share is kept in {@code dashboard_shares}; a change swaps the share
 * (compare-and-set on its version) and {@code $inc}s the difference old→new, so a correction or a
 * status change moves counts and never counts twice.
 */
@Service
class DashboardRollups {

  static final String ROLLUPS = "dashboard_rollups";
  static final String SHARES = "dashboard_shares";
  static final String META = "dashboard_meta";
  private static final Logger log = LoggerFactory.getLogger(DashboardRollups.class);

  private final MongoTemplate mongo;
  private final RegionCatalog regions;
  private final PlannedInvestments plans;
  private final ProgressReports reports;
  private final Blockers blockers;
  private final Clock clock;
  private final RollupLag lag;

  DashboardRollups(
      MongoTemplate mongo,
      RegionCatalog regions,
      PlannedInvestments plans,
      ProgressReports reports,
      Blockers blockers,
      Clock clock,
      RollupLag lag) {
    this.lag = lag;
    this.mongo = mongo;
    this.regions = regions;
    this.plans = plans;
    this.reports = reports;
    this.blockers = blockers;
    this.clock = clock;
  }

  /**
   * Roll-ups counted by an older model lack counters (the per-month amounts): recount them once, in
   * the background; a fresh store is simply marked. The month documents expire by themselves.
   */
  @EventListener(ApplicationReadyEvent.class)
  void upgrade() {
    mongo.indexOps(ROLLUPS).createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(0));
    Document meta = mongo.findById("rollups", Document.class, META);
    Object model = meta == null ? null : meta.get("model");
    if (model instanceof Number n && n.intValue() >= MODEL) {
      return;
    }
    boolean counted = mongo.exists(Query.query(Criteria.where("month").exists(false)), ROLLUPS);
    Runnable upgrade =
        () -> {
          if (counted) {
            log.info("roll-ups of an older model: recounting {} projects", rebuild());
          }
          mongo.upsert(
              Query.query(Criteria.where("_id").is("rollups")),
              Update.update("model", MODEL),
              META);
        };
    if (counted) {
      new Thread(upgrade, "rollups-upgrade").start();
    } else {
      upgrade.run();
    }
  }

  static String idOf(String regionCode, int year) {
    return regionCode + ":" + year;
  }

  /**
   * The document of what was added to a roll-up during one calendar month ({@code f}, the same
   * counters) and the coordination figure last seen then ({@code coordination}); the roll-up as it
   * stood when that month began is the roll-up minus it.
   */
  static String monthIdOf(String regionCode, int year, YearMonth month) {
    return idOf(regionCode, year) + ":" + month;
  }

  /** Roll-up model: 2 added the per-month completed amounts (the monthly series). */
  static final int MODEL = 2;

  @EventListener
  void on(ProjectFiguresChanged event) {
    lag.changed(event.projectId());
    refresh(event.projectId());
  }

  /** Recounts one project's share and applies the difference to its regions' roll-ups. */
  void refresh(String projectId) {
    refresh(projectId, true);
  }

  /** {@code recordMonth}: the change also goes into this month's document (not when rebuilding). */
  private void refresh(String projectId, boolean recordMonth) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Project project = mongo.findById(projectId, Project.class);
      // raw driver calls: the share's id stays the project id string, never converted to ObjectId
      Document share = mongo.getCollection(SHARES).find(new Document("_id", projectId)).first();
      String newRegion = project == null ? null : project.getRegionCode();
      Map<Integer, Map<String, Long>> now =
          project == null ? Map.of() : ProjectFigures.of(inputsOf(project));
      String oldRegion = share == null ? null : share.getString("region");
      Map<Integer, Map<String, Long>> before = share == null ? Map.of() : yearsOf(share);
      if (!swap(projectId, share, newRegion, now)) {
        continue; // someone else moved the share meanwhile: recount from what is stored now
      }
      apply(deltas(oldRegion, before, newRegion, now), recordMonth);
      lag.counted(projectId);
      return;
    }
    log.warn("gave up recounting project {} after repeated concurrent changes", projectId);
  }

  /**
   * Repair tool: forgets every roll-up and recounts every project from scratch. This month's
   * changes are kept (they are history, not a count of what is stored), so last month's figures
   * stay the recounted roll-up minus them.
   */
  int rebuild() {
    lag.changed(RollupLag.REBUILD);
    mongo.remove(Query.query(Criteria.where("month").exists(false)), ROLLUPS);
    mongo.remove(new Query(), SHARES);
    List<String> ids =
        mongo.findDistinct(new Query(), "_id", Project.class, Object.class).stream()
            .map(String::valueOf)
            .toList();
    ids.forEach(id -> refresh(id, false));
    lag.counted(RollupLag.REBUILD);
    return ids.size();
  }

  private boolean swap(
      String projectId, Document share, String region, Map<Integer, Map<String, Long>> years) {
    Document yearsDoc = new Document();
    years.forEach((y, f) -> yearsDoc.append(String.valueOf(y), new Document(f)));
    if (share == null) {
      try {
        mongo
            .getCollection(SHARES)
            .insertOne(
                new Document("_id", projectId)
                    .append("region", region)
                    .append("years", yearsDoc)
                    .append("version", 1L));
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    long version = ((Number) share.get("version")).longValue();
    Document same = new Document("_id", projectId).append("version", version);
    Document update =
        new Document(
            "$set",
            new Document("region", region)
                .append("years", yearsDoc)
                .append("version", version + 1));
    return mongo.getCollection(SHARES).updateOne(same, update).getMatchedCount() == 1;
  }

  /** Per roll-up id (region:year) the counters to add: minus the old share, plus the new one. */
  private Map<String, Map<String, Long>> deltas(
      String oldRegion,
      Map<Integer, Map<String, Long>> before,
      String newRegion,
      Map<Integer, Map<String, Long>> now) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    addAll(out, oldRegion, before, -1);
    addAll(out, newRegion, now, 1);
    out.values().forEach(m -> m.values().removeIf(v -> v == 0));
    out.values().removeIf(Map::isEmpty);
    return out;
  }

  private void addAll(
      Map<String, Map<String, Long>> out,
      String county,
      Map<Integer, Map<String, Long>> years,
      int sign) {
    if (county == null) {
      return;
    }
    List<String> chain = new ArrayList<>();
    regions.tree().pathToRoot(county).stream().map(Region::code).forEach(chain::add);
    if (chain.isEmpty()) {
      chain.add(county);
    }
    years.forEach(
        (year, figures) -> {
          for (String region : chain) {
            Map<String, Long> target =
                out.computeIfAbsent(idOf(region, year), k -> new HashMap<>());
            figures.forEach((k, v) -> target.merge(k, sign * v, Long::sum));
          }
        });
  }

  private void apply(Map<String, Map<String, Long>> deltas, boolean recordMonth) {
    if (deltas.isEmpty()) {
      return;
    }
    YearMonth month = YearMonth.now(clock);
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ROLLUPS);
    deltas.forEach(
        (id, figures) -> {
          String[] parts = id.split(":");
          Update update =
              new Update()
                  .setOnInsert("regionCode", parts[0])
                  .setOnInsert("year", Integer.parseInt(parts[1]));
          figures.forEach((k, v) -> update.inc("f." + k, v));
          bulk.upsert(Query.query(Criteria.where("_id").is(id)), update);
          if (recordMonth) {
            Update change =
                monthDocument(parts[0], Integer.parseInt(parts[1]), month, clock.getZone());
            figures.forEach((k, v) -> change.inc("f." + k, v));
            bulk.upsert(
                Query.query(
                    Criteria.where("_id")
                        .is(monthIdOf(parts[0], Integer.parseInt(parts[1]), month))),
                change);
          }
        });
    bulk.execute();
  }

  /** A month's document lives through the month after it, when it is "last month". */
  static Update monthDocument(String regionCode, int year, YearMonth month, ZoneId zone) {
    Instant expires = month.plusMonths(2).atDay(1).atStartOfDay(zone).toInstant();
    return new Update()
        .setOnInsert("regionCode", regionCode)
        .setOnInsert("year", year)
        .setOnInsert("month", month.toString())
        .setOnInsert("expireAt", Date.from(expires));
  }

  private static Map<Integer, Map<String, Long>> yearsOf(Document share) {
    Map<Integer, Map<String, Long>> out = new HashMap<>();
    Document years = share.get("years", Document.class);
    if (years != null) {
      years.forEach((y, f) -> out.put(Integer.valueOf(y), counters((Document) f)));
    }
    return out;
  }

  static Map<String, Long> counters(Document figures) {
    Map<String, Long> out = new HashMap<>();
    if (figures != null) {
      figures.forEach(
          (k, v) -> {
            if (v instanceof Number n) {
              out.put(k, n.longValue());
            }
          });
    }
    return out;
  }

  private ProjectFigures.Inputs inputsOf(Project p) {
    List<ProjectFigures.MonthReport> months =
        reports.latestOf(p.getId()).stream()
            .map(
                m ->
                    new ProjectFigures.MonthReport(
                        m.period(),
                        m.investmentCompleted(),
                        m.workersOnSite(),
                        m.suspended(),
                        m.correctionRequested()))
            .toList();
    return new ProjectFigures.Inputs(
        p.getStatus(),
        p.getLevel(),
        p.getWarning() == null ? null : p.getWarning().level(),
        p.getPlannedStart(),
        p.getPlannedFinish(),
        p.getActualStart(),
        plans.byYear(p.getId()),
        months,
        blockers.byYear(p.getId()));
  }
}
