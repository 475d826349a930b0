package cn.gov.jx.majorprojects.projects.warning;

import cn.gov.jx.majorprojects.projects.progress.ProgressReports;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.ReportState;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.projects.project.Warning.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The warning rules as plain code: what a project's inputs mean for its light on a given day. */
final class WarningPolicy {

  private WarningPolicy() {}

  /**
   * A report for {@code period} is expected from a project building now that started before the
   * month after it (so it was building in that month).
   */
  static boolean reportExpected(ProjectStatus status, LocalDate actualStart, YearMonth period) {
    return status == ProjectStatus.UNDER_CONSTRUCTION
        && (actualStart == null || actualStart.isBefore(period.plusMonths(1).atDay(1)));
  }

  /**
   * The state of a month's report on {@code today}; {@code late} is the stored lateness of a filed
   * report, null when nothing was filed.
   */
  static ReportState reportState(
      ProjectStatus status,
      LocalDate actualStart,
      YearMonth period,
      Boolean late,
      LocalDate today) {
    if (late != null) {
      return late ? ReportState.FILED_LATE : ReportState.FILED;
    }
    if (!reportExpected(status, actualStart, period)) {
      return ReportState.NOT_REQUIRED;
    }
    boolean pastDue = today.isAfter(period.plusMonths(1).atDay(ProgressReports.DUE_DAY));
    return pastDue ? ReportState.MISSING : ReportState.DUE;
  }

  /**
   * What the policy looks at: registry facts, this year's planned investment (null if no plan),
   * completed investment of this year's months before today's month, and last month's report.
   */
  record Inputs(
      ProjectStatus status,
      LocalDate plannedStart,
      LocalDate actualStart,
      BigDecimal plannedThisYear,
      BigDecimal completedBeforeThisMonth,
      boolean lastMonthReported,
      boolean lastMonthSuspended) {}

  static Warning evaluate(Inputs in, WarningRules rules, LocalDate today) {
    List<String> red = new ArrayList<>();
    List<String> yellow = new ArrayList<>();
    YearMonth month = YearMonth.from(today);

    boolean notStarted =
        in.actualStart() == null
            && (in.status() == ProjectStatus.PLANNED
                || in.status() == ProjectStatus.PRE_CONSTRUCTION);
    if (notStarted && in.plannedStart() != null) {
      YearMonth planned = YearMonth.from(in.plannedStart());
      if (month.isAfter(planned.plusMonths(rules.startSlipRedMonths()))) {
        red.add("START_SLIPPED");
      } else if (month.isAfter(planned.plusMonths(rules.startSlipYellowMonths()))) {
        yellow.add("START_SLIPPED");
      }
    }

    if (rules.suspendedIsRed()
        && (in.status() == ProjectStatus.SUSPENDED || in.lastMonthSuspended())) {
      red.add("SITE_SUSPENDED");
    }

    if (in.status() == ProjectStatus.UNDER_CONSTRUCTION) {
      int monthsDone = today.getMonthValue() - 1;
      BigDecimal plan = in.plannedThisYear();
      if (monthsDone > 0 && plan != null && plan.signum() > 0) {
        BigDecimal done =
            in.completedBeforeThisMonth() == null ? BigDecimal.ZERO : in.completedBeforeThisMonth();
        // 序时进度: the share of the year's plan due by the end of last month
        BigDecimal expectedPercent =
            BigDecimal.valueOf(monthsDone * 100L)
                .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP);
        BigDecimal actualPercent =
            done.multiply(BigDecimal.valueOf(100)).divide(plan, 4, RoundingMode.HALF_UP);
        BigDecimal behind = expectedPercent.subtract(actualPercent);
        if (behind.compareTo(BigDecimal.valueOf(rules.paceRedPoints())) > 0) {
          red.add("BEHIND_PACE");
        } else if (behind.compareTo(BigDecimal.valueOf(rules.paceYellowPoints())) >= 0) {
          yellow.add("BEHIND_PACE");
        }
      }
      if (rules.missingReportIsYellow()
          && reportState(
                  in.status(),
                  in.actualStart(),
                  month.minusMonths(1),
                  in.lastMonthReported() ? Boolean.FALSE : null,
                  today)
              == ReportState.MISSING) {
        yellow.add("REPORT_MISSING");
      }
    }

    if (!red.isEmpty()) {
      List<String> reasons = new ArrayList<>(red);
      reasons.addAll(yellow);
      return new Warning(Level.RED, reasons);
    }
    return yellow.isEmpty() ? Warning.green() : new Warning(Level.YELLOW, yellow);
  }
}
