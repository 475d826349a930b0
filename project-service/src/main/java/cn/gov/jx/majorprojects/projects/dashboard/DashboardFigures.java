package cn.gov.jx.majorprojects.projects.dashboard;

import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.Coordination;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.DoubleHalf;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.FiveNots;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.Intensity;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.MonthPoint;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.NotStopped;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.Planning;
import cn.gov.jx.majorprojects.projects.dashboard.DashboardView.Starts;
import cn.gov.jx.majorprojects.projects.progress.ProgressReports;
import cn.gov.jx.majorprojects.projects.project.ProjectLevel;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.support.region.Region;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a roll-up's counters into the figures people read, with today's share of the year. */
final class DashboardFigures {

  private DashboardFigures() {}

  static DashboardView view(
      Region region,
      int year,
      Map<String, Long> c,
      LocalDate today,
      Coordination coordination,
      List<DashboardView> children) {
    int monthsDone =
        year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() - 1 : 0;
    int startMonths =
        year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;

    long planned = get(c, "plannedInvestment");
    long completed = get(c, "completed");
    long firstHalf = get(c, "completedFirstHalf");
    BigDecimal pace = percent(completed, planned);
    BigDecimal timeShare = percent(monthsDone, 12);
    DoubleHalf doubleHalf =
        new DoubleHalf(
            tenThousands(firstHalf),
            percent(firstHalf, planned),
            planned > 0 && firstHalf * 2 >= planned,
            get(c, "projectsWithPlan"),
            get(c, "projectsAtHalf"),
            pace,
            timeShare,
            pace != null && pace.compareTo(timeShare) >= 0,
            halfYearBehind(year, planned, firstHalf, today));

    long due = 0;
    long onTime = 0;
    for (int m = 1; m <= startMonths; m++) {
      due += get(c, "startsPlanned_" + m);
      onTime += get(c, "startsOnTime_" + m);
    }
    Starts starts = new Starts(due, onTime, percent(onTime, due));

    long inConstruction = get(c, "inConstruction");
    long suspended = get(c, "suspended");
    NotStopped notStopped =
        new NotStopped(
            inConstruction, suspended, percent(inConstruction - suspended, inConstruction));

    Intensity intensity = null;
    if (monthsDone >= 1) {
      long workers = get(c, "workers_" + monthsDone);
      YearMonth month = YearMonth.of(year, monthsDone);
      Long previous = monthsDone >= 2 ? get(c, "workers_" + (monthsDone - 1)) : null;
      BigDecimal change =
          previous == null || previous == 0 ? null : percent(workers - previous, previous);
      intensity =
          new Intensity(
              month.toString(), workers, month.minusMonths(1).toString(), previous, change);
    }

    FiveNots fiveNots =
        new FiveNots(
            notStopped,
            intensity,
            starts,
            coordination,
            new Planning(year + 1, get(c, "nextYearProjects")));

    return new DashboardView(
        region.code(),
        region.name(),
        children == null ? null : year,
        children == null ? null : today,
        get(c, "projects"),
        counts(c, "status_", ProjectStatus.values()),
        counts(c, "level_", ProjectLevel.values()),
        counts(c, "warning_", Warning.Level.values()),
        tenThousands(planned),
        tenThousands(completed),
        pace,
        doubleHalf,
        starts,
        suspended,
        fiveNots,
        get(c, "reportsPendingCorrection"),
        tenThousands(get(c, "investmentAtRisk")),
        get(c, "milestonesSlipping"),
        children,
        null,
        null);
  }

  /**
   * 双过半 missed: June's reports were due (5 July) and have passed, there is a plan and under half of
   * it was done in the first half.
   */
  static boolean halfYearBehind(int year, long planned, long firstHalf, LocalDate today) {
    return today.isAfter(LocalDate.of(year, 7, ProgressReports.DUE_DAY))
        && planned > 0
        && firstHalf * 2 < planned;
  }

  /** The cumulative series of one year's roll-up; completed only up to {@code today}'s month. */
  static List<MonthPoint> monthly(int year, Map<String, Long> c, LocalDate today) {
    long planned = get(c, "plannedInvestment");
    List<MonthPoint> out = new ArrayList<>();
    long completed = 0;
    for (int m = 1; m <= 12; m++) {
      completed += get(c, "completed_" + m);
      YearMonth month = YearMonth.of(year, m);
      BigDecimal plannedSoFar =
          BigDecimal.valueOf(planned * m).divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP);
      out.add(
          new MonthPoint(
              month.toString(),
              tenThousands(plannedSoFar.longValueExact()),
              month.isAfter(YearMonth.from(today)) ? null : tenThousands(completed)));
    }
    return out;
  }

  /** The roll-up as it was before this month's changes: counters minus the month's document. */
  static Map<String, Long> minus(Map<String, Long> counters, Map<String, Long> changes) {
    Map<String, Long> out = new HashMap<>(counters);
    changes.forEach((k, v) -> out.merge(k, -v, Long::sum));
    return out;
  }

  private static Map<String, Long> counts(Map<String, Long> c, String prefix, Enum<?>[] values) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Enum<?> v : values) {
      out.put(v.name(), get(c, prefix + v.name()));
    }
    return out;
  }

  private static long get(Map<String, Long> c, String key) {
    return c.getOrDefault(key, 0L);
  }

  static BigDecimal tenThousands(long yuan) {
    return BigDecimal.valueOf(yuan, 4);
  }

  static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }
}
