package cn.gov.jx.majorprojects.projects.dashboard;

import cn.gov.jx.majorprojects.projects.plan.Blockers;
import cn.gov.jx.majorprojects.projects.project.ProjectLevel;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.Warning;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one project adds to the dashboard roll-ups of each year it belongs to: whole counters only
 * (amounts in CNY, i.e. 10k CNY with four decimals), so roll-ups are kept exact with {@code $inc}.
 * Nothing here depends on today's date; the date-dependent shares are worked out on read.
 */
final class ProjectFigures {

  /** A project spanning more years than this is counted in its first ones only. */
  static final int MAX_YEARS = 15;

  private ProjectFigures() {}

  record Inputs(
      ProjectStatus status,
      ProjectLevel level,
      Warning.Level warning,
      LocalDate plannedStart,
      LocalDate plannedFinish,
      LocalDate actualStart,
      Map<Integer, BigDecimal> plans,
      List<MonthReport> reports,
      Map<Integer, Blockers.YearRisk> risks) {

    Inputs(
        ProjectStatus status,
        ProjectLevel level,
        Warning.Level warning,
        LocalDate plannedStart,
        LocalDate plannedFinish,
        LocalDate actualStart,
        Map<Integer, BigDecimal> plans,
        List<MonthReport> reports) {
      this(
          status,
          level,
          warning,
          plannedStart,
          plannedFinish,
          actualStart,
          plans,
          reports,
          Map.of());
    }
  }

  /** The latest revision of one month's report; returned for correction and not yet corrected. */
  record MonthReport(
      YearMonth period,
      BigDecimal completed,
      int workers,
      boolean suspended,
      boolean correctionRequested) {

    MonthReport(YearMonth period, BigDecimal completed, int workers, boolean suspended) {
      this(period, completed, workers, suspended, false);
    }
  }

  /** Amounts in 10k CNY with at most four decimals, as a whole number of CNY. */
  static long yuan(BigDecimal tenThousands) {
    return tenThousands == null ? 0 : tenThousands.movePointRight(4).longValueExact();
  }

  static Map<Integer, Map<String, Long>> of(Inputs in) {
    TreeSet<Integer> years = new TreeSet<>();
    if (in.plannedStart() != null) {
      int first = in.plannedStart().getYear();
      int last = in.plannedFinish() == null ? first : in.plannedFinish().getYear();
      for (int y = first; y <= Math.min(last, first + MAX_YEARS - 1); y++) {
        years.add(y);
      }
    }
    if (in.actualStart() != null) {
      years.add(in.actualStart().getYear());
    }
    years.addAll(in.plans().keySet());
    in.reports().forEach(r -> years.add(r.period().getYear()));

    Map<Integer, Map<String, Long>> out = new TreeMap<>();
    for (int year : years) {
      out.put(year, inYear(in, year));
    }
    // "planning not broken off": a project prepared for next year counts in this year's pipeline
    if (in.plannedStart() != null
        && (in.status() == ProjectStatus.PLANNED
            || in.status() == ProjectStatus.PRE_CONSTRUCTION)) {
      int before = in.plannedStart().getYear() - 1;
      out.computeIfAbsent(before, y -> new HashMap<>()).merge("nextYearProjects", 1L, Long::sum);
    }
    return out;
  }

  private static Map<String, Long> inYear(Inputs in, int year) {
    Map<String, Long> f = new HashMap<>();
    f.put("projects", 1L);
    f.put("status_" + in.status(), 1L);
    f.put("level_" + in.level(), 1L);
    f.put("warning_" + (in.warning() == null ? Warning.Level.GREEN : in.warning()), 1L);

    BigDecimal plan = in.plans().get(year);
    long planned = yuan(plan);
    long completed = 0;
    long firstHalf = 0;
    MonthReport latest = null;
    for (MonthReport r : in.reports()) {
      if (r.period().getYear() != year) {
        continue;
      }
      long amount = yuan(r.completed());
      completed += amount;
      if (r.period().getMonthValue() <= 6) {
        firstHalf += amount;
      }
      add(f, "completed_" + r.period().getMonthValue(), amount);
      add(f, "workers_" + r.period().getMonthValue(), r.workers());
      if (r.correctionRequested()) {
        add(f, "reportsPendingCorrection", 1);
      }
      if (latest == null || r.period().isAfter(latest.period())) {
        latest = r;
      }
    }
    add(f, "plannedInvestment", planned);
    // held up by open blockers: the project's max amount (never a sum) and its milestones
    Blockers.YearRisk risk = in.risks().get(year);
    if (risk != null) {
      add(f, "investmentAtRisk", yuan(risk.investmentAtRisk()));
      add(f, "milestonesSlipping", risk.milestonesHeldUp());
    }
    add(f, "completed", completed);
    add(f, "completedFirstHalf", firstHalf);
    if (planned > 0) {
      f.put("projectsWithPlan", 1L);
      // "double half": at least half of the year's plan done by 30 June
      if (firstHalf * 2 >= planned) {
        f.put("projectsAtHalf", 1L);
      }
    }

    boolean building = in.status() == ProjectStatus.UNDER_CONSTRUCTION;
    boolean suspended =
        in.status() == ProjectStatus.SUSPENDED
            || (building && latest != null && latest.suspended());
    if (building || in.status() == ProjectStatus.SUSPENDED) {
      f.put("inConstruction", 1L);
    }
    if (suspended) {
      f.put("suspended", 1L);
    }

    if (in.plannedStart() != null && in.plannedStart().getYear() == year) {
      int month = in.plannedStart().getMonthValue();
      f.put("startsPlanned_" + month, 1L);
      if (in.actualStart() != null
          && !YearMonth.from(in.actualStart()).isAfter(YearMonth.from(in.plannedStart()))) {
        f.put("startsOnTime_" + month, 1L);
      }
    }
    return f;
  }

  private static void add(Map<String, Long> f, String key, long value) {
    if (value != 0) {
      f.merge(key, value, Long::sum);
    }
  }
}
