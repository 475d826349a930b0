package cn.gov.jx.majorprojects.projects.dashboard;

import cn.gov.jx.majorprojects.projects.client.issue.CoordinationStats;
import cn.gov.jx.majorprojects.projects.client.issue.IssueClient;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.Coordination;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reads a region's roll-up and its direct children's in one query, and asks issue-service once for
 * the coordination figure; never scans projects or reports.
 */
@Service
class DashboardService {

  private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

  private final MongoTemplate mongo;
  private final Jurisdiction jurisdiction;
  private final IssueClient issues;
  private final Clock clock;

  DashboardService(
      MongoTemplate mongo, Jurisdiction jurisdiction, IssueClient issues, Clock clock) {
    this.mongo = mongo;
    this.jurisdiction = jurisdiction;
    this.issues = issues;
    this.clock = clock;
  }

  DashboardView dashboard(PlatformUser user, String regionCode, Integer year) {
    if (!user.hasAny(PlatformRole.ADMIN, PlatformRole.MANAGER, PlatformRole.COORDINATOR)) {
      throw new AccessDeniedException("the dashboard is for managers and coordinators");
    }
    LocalDate today = LocalDate.now(clock);
    int y = year == null ? today.getYear() : year;
    if (y < 2000 || y > 2100) {
      throw BadRequestException.field("year", "must be between 2000 and 2100");
    }
    RegionTree tree = jurisdiction.tree();
    String code = regionCode == null || regionCode.isBlank() ? user.region() : regionCode;
    if (code == null && user.has(PlatformRole.ADMIN)) {
      code = tree.root().code();
    }
    String wanted = code;
    Region region = tree.find(code).orElseThrow(() -> new NotFoundException("Region", wanted));
    if (!user.has(PlatformRole.ADMIN) && !jurisdiction.covers(user, code)) {
      throw new NotFoundException("Region", code);
    }

    List<Region> children = tree.children(code);
    YearMonth thisMonth = YearMonth.from(today);
    YearMonth lastMonth = thisMonth.minusMonths(1);
    String own = DashboardRollups.idOf(code, y);
    String lastYear = DashboardRollups.idOf(code, y - 1);
    String changes = DashboardRollups.monthIdOf(code, y, thisMonth);
    String seenLastMonth = DashboardRollups.monthIdOf(code, y, lastMonth);
    List<String> ids = new ArrayList<>(List.of(own, lastYear, changes, seenLastMonth));
    children.forEach(c -> ids.add(DashboardRollups.idOf(c.code(), y)));
    Map<String, Document> found = new HashMap<>();
    for (Document rollup :
        mongo.find(
            Query.query(Criteria.where("_id").in(ids)), Document.class, DashboardRollups.ROLLUPS)) {
      found.put(rollup.getString("_id"), rollup);
    }

    CoordinationStats stats = coordination(code, y);
    Map<String, CoordinationStats.Child> byChild = new HashMap<>();
    if (stats != null && stats.children() != null) {
      stats.children().forEach(c -> byChild.put(c.regionCode(), c));
    }
    List<DashboardView> childViews = new ArrayList<>();
    for (Region child : children) {
      Coordination childCoordination =
          stats == null ? Coordination.unavailable() : coordinationOf(byChild.get(child.code()));
      childViews.add(
          DashboardFigures.view(
              child,
              y,
              counters(found.get(DashboardRollups.idOf(child.code(), y))),
              today,
              childCoordination,
              null));
    }
    CoordinationStats.Child ownStats = null;
    if (stats != null) {
      ownStats =
          new CoordinationStats.Child(
              code, stats.received(), stats.resolved(), stats.resolvedOnTime(), stats.overdueNow());
      remember(code, y, thisMonth, ownStats);
    }
    Coordination ownCoordination =
        ownStats == null ? Coordination.unavailable() : coordinationOf(ownStats);
    Map<String, Long> counters = counters(found.get(own));

    LocalDate endOfLastMonth = lastMonth.atEndOfMonth();
    Map<String, Long> before = DashboardFigures.minus(counters, counters(found.get(changes)));
    CoordinationStats.Child seen = seen(code, found.get(seenLastMonth));
    DashboardView.Previous previous =
        new DashboardView.Previous(
            lastMonth.toString(),
            endOfLastMonth,
            DashboardFigures.view(
                    region,
                    y,
                    before,
                    endOfLastMonth,
                    seen == null ? Coordination.unavailable() : coordinationOf(seen),
                    null)
                .fiveNots());
    DashboardView.Monthly monthly =
        new DashboardView.Monthly(
            y,
            DashboardFigures.monthly(y, counters, today),
            DashboardFigures.monthly(y - 1, counters(found.get(lastYear)), today));
    return DashboardFigures.view(region, y, counters, today, ownCoordination, childViews)
        .with(previous, monthly);
  }

  private static Map<String, Long> counters(Document rollup) {
    return rollup == null ? Map.of() : DashboardRollups.counters(rollup.get("f", Document.class));
  }

  /** Keeps the month's last coordination reading: next month it is "last month's" figure. */
  private void remember(String code, int year, YearMonth month, CoordinationStats.Child c) {
    Update update =
        DashboardRollups.monthDocument(code, year, month, clock.getZone())
            .set(
                "coordination",
                new Document("received", c.received())
                    .append("resolved", c.resolved())
                    .append("resolvedOnTime", c.resolvedOnTime())
                    .append("overdueNow", c.overdueNow()));
    try {
      mongo.upsert(
          Query.query(Criteria.where("_id").is(DashboardRollups.monthIdOf(code, year, month))),
          update,
          DashboardRollups.ROLLUPS);
    } catch (RuntimeException e) {
      log.warn("coordination reading of {} {} not kept: {}", code, year, e.toString());
    }
  }

  private static CoordinationStats.Child seen(String code, Document month) {
    Document c = month == null ? null : month.get("coordination", Document.class);
    if (c == null) {
      return null;
    }
    return new CoordinationStats.Child(
        code,
        ((Number) c.get("received")).longValue(),
        ((Number) c.get("resolved")).longValue(),
        ((Number) c.get("resolvedOnTime")).longValue(),
        ((Number) c.get("overdueNow")).longValue());
  }

  /**
   * One call per dashboard request; any failure or slowness, or an answer that is not about this
   * region and year (no body, another shape), shows as unavailable and is not remembered.
   */
  private CoordinationStats coordination(String regionCode, int year) {
    try {
      CoordinationStats answer = issues.coordinationStats(regionCode, year);
      if (answer == null || !answer.isAnswerAbout(regionCode, year)) {
        throw new IllegalStateException("an answer that is not about " + regionCode + " " + year);
      }
      return answer;
    } catch (RuntimeException e) {
      log.warn("coordination figures unavailable for {} {}: {}", regionCode, year, e.toString());
      return null;
    }
  }

  private static Coordination coordinationOf(CoordinationStats.Child c) {
    if (c == null) {
      return new Coordination(true, 0L, 0L, 0L, 0L, null);
    }
    return new Coordination(
        true,
        c.received(),
        c.resolved(),
        c.resolvedOnTime(),
        c.overdueNow(),
        DashboardFigures.percent(c.resolvedOnTime(), c.resolved()));
  }
}
