package cn.gov.jx.majorprojects.issues.stats;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.stats.StatsRecorder.Dimension;
import cn.gov.jx.majorprojects.issues.stats.StatsService.Counters;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accountability per handling unit, and the coordination figures of project-service's dashboard.
 */
@RestController
class StatsController {

  private final StatsService stats;
  private final Ranking ranking;
  private final RegionTree tree;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  StatsController(
      StatsService stats,
      Ranking ranking,
      RegionTree tree,
      Jurisdiction jurisdiction,
      Clock clock) {
    this.stats = stats;
    this.ranking = ranking;
    this.tree = tree;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  record AccountabilityRow(
      String regionCode,
      String regionName,
      String level,
      long received,
      long accepted,
      long acceptedWithinDeadline,
      long resolved,
      long resolvedOnTime,
      Double onTimeRate,
      long overdueNow,
      long escalatedAway,
      long escalatedForLateness,
      long returnedDown,
      long bounced,
      long reopened,
      long decisionsOverdue,
      Double medianWorkingDaysToResolve,
      double hoursHolding) {}

  record Accountability(String regionCode, String from, String to, List<AccountabilityRow> rows) {}

  @GetMapping("/api/accountability")
  Accountability accountability(
      @RequestParam String regionCode,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      PlatformUser user) {
    requireInScope(regionCode, user);
    Period period = Period.of(from, to, clock);
    return new Accountability(
        regionCode,
        period.from().toString(),
        period.to().toString(),
        rows(regionCode, period.from(), period.to()));
  }

  /**
   * The monthly ranking (红黑榜) of the units at and below the region (default: the caller's), per
   * level; a past month answers its frozen snapshot ({@link Ranking}).
   */
  @GetMapping("/api/accountability/ranking")
  Ranking.View ranking(
      @RequestParam String period,
      @RequestParam(required = false) String regionCode,
      PlatformUser user) {
    YearMonth month = Period.month("period", period, null);
    if (month == null) {
      throw BadRequestException.field("period", "must be a month YYYY-MM");
    }
    String region = regionCode == null ? user.region() : regionCode;
    requireInScope(region, user);
    YearMonth now = YearMonth.from(clock.instant().atZone(WorkingCalendar.ZONE));
    if (month.isAfter(now)) {
      throw BadRequestException.field("period", "must not be a month still to come");
    }
    return ranking.of(region, month, now, () -> rows(region, month, month));
  }

  private void requireInScope(String regionCode, PlatformUser user) {
    if (!user.hasAny(PlatformRole.MANAGER, PlatformRole.COORDINATOR, PlatformRole.ADMIN)) {
      throw new AccessDeniedException("accountability is for managers and coordinators");
    }
    if (regionCode == null
        || !tree.contains(regionCode)
        || !jurisdiction.covers(user, regionCode)) {
      throw new NotFoundException("Region", regionCode);
    }
  }

  /** One row per unit at and below the region with any count in the months or overdue now. */
  List<AccountabilityRow> rows(String regionCode, YearMonth start, YearMonth end) {
    List<String> codes = stats.subtree(regionCode);
    Map<String, Counters> counters = stats.counters(Dimension.HANDLER, codes, start, end);
    Map<String, Long> overdue = stats.overdueNow("handlingRegion", codes);
    List<AccountabilityRow> rows = new ArrayList<>();
    for (Region region : tree.subtree(regionCode)) {
      Counters c = counters.getOrDefault(region.code(), new Counters());
      long overdueNow = overdue.getOrDefault(region.code(), 0L);
      if (c.isEmpty() && overdueNow == 0) {
        continue;
      }
      long resolved = c.get("resolved");
      rows.add(
          new AccountabilityRow(
              region.code(),
              region.name(),
              region.level().name(),
              c.get("received"),
              c.get("accepted"),
              c.get("acceptedOnTime"),
              resolved,
              c.get("resolvedOnTime"),
              resolved == 0 ? null : (double) c.get("resolvedOnTime") / resolved,
              overdueNow,
              c.get("escalatedAway"),
              c.get("escalatedForLateness"),
              c.get("returnedDown"),
              c.get("bounced"),
              c.get("reopened"),
              c.get("decisionsOverdue"),
              c.medianResolveDays(),
              Math.round(c.get("holdingSeconds") / 36.0) / 100.0));
    }
    return rows;
  }

  record RegionFigures(
      String regionCode, long received, long resolved, long resolvedOnTime, long overdueNow) {}

  record CoordinationStats(
      String regionCode,
      int year,
      long received,
      long resolved,
      long resolvedOnTime,
      long overdueNow,
      List<RegionFigures> children) {}

  /** Contract 2: counts by the project's county, for a region's subtree and its direct children. */
  @GetMapping("/internal/coordination-stats")
  CoordinationStats coordinationStats(@RequestParam String regionCode, @RequestParam int year) {
    if (!tree.contains(regionCode)) {
      throw new NotFoundException("Region", regionCode);
    }
    if (year < 2000 || year > 2100) {
      throw BadRequestException.field("year", "must be between 2000 and 2100");
    }
    List<String> codes = stats.subtree(regionCode);
    Map<String, Counters> counters =
        stats.counters(Dimension.PROJECT, codes, YearMonth.of(year, 1), YearMonth.of(year, 12));
    Map<String, Long> overdue = stats.overdueNow("projectRegion", codes);
    RegionFigures total = figures(regionCode, counters, overdue);
    List<RegionFigures> children = new ArrayList<>();
    for (Region child : tree.children(regionCode)) {
      children.add(figures(child.code(), counters, overdue));
    }
    return new CoordinationStats(
        regionCode,
        year,
        total.received(),
        total.resolved(),
        total.resolvedOnTime(),
        total.overdueNow(),
        children);
  }

  private RegionFigures figures(
      String region, Map<String, Counters> counters, Map<String, Long> overdue) {
    Counters sum = new Counters();
    long overdueNow = 0;
    for (String code : stats.subtree(region)) {
      Counters c = counters.get(code);
      if (c != null) {
        sum.add(c);
      }
      overdueNow += overdue.getOrDefault(code, 0L);
    }
    return new RegionFigures(
        region, sum.get("received"), sum.get("resolved"), sum.get("resolvedOnTime"), overdueNow);
  }
}
