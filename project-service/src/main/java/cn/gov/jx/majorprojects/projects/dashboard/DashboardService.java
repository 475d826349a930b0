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
    List<String> ids = new ArrayList<>();
    ids.add(DashboardRollups.idOf(code, y));
    children.forEach(c -> ids.add(DashboardRollups.idOf(c.code(), y)));
    Map<String, Map<String, Long>> counters = new HashMap<>();
    for (Document rollup :
        mongo.find(
            Query.query(Criteria.where("_id").in(ids)), Document.class, DashboardRollups.ROLLUPS)) {
      counters.put(
          rollup.getString("_id"), DashboardRollups.counters(rollup.get("f", Document.class)));
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
              counters.getOrDefault(DashboardRollups.idOf(child.code(), y), Map.of()),
              today,
              childCoordination,
              null));
    }
    Coordination own =
        stats == null
            ? Coordination.unavailable()
            : coordinationOf(
                new CoordinationStats.Child(
                    code,
                    stats.received(),
                    stats.resolved(),
                    stats.resolvedOnTime(),
                    stats.overdueNow()));
    return DashboardFigures.view(
        region,
        y,
        counters.getOrDefault(DashboardRollups.idOf(code, y), Map.of()),
        today,
        own,
        childViews);
  }

  /** One call per dashboard request; any failure or slowness shows as unavailable. */
  private CoordinationStats coordination(String regionCode, int year) {
    try {
      return issues.coordinationStats(regionCode, year);
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
