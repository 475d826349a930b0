package cn.gov.jx.majorprojects.projects.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of a region and year; children carry the same figures without their own list.
 * {@code reportsPendingCorrection}: the year's monthly reports returned for correction and not yet
 * corrected. {@code investmentAtRisk}: the sum over the region's projects of each project's
 * investment held up by open blockers (10k CNY); {@code milestonesSlipping}: milestones held up by
 * at least one open blocker.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DashboardView(
    String regionCode,
    String regionName,
    Integer year,
    LocalDate asOf,
    long projects,
    Map<String, Long> byStatus,
    Map<String, Long> byLevel,
    Map<String, Long> warnings,
    BigDecimal plannedInvestment,
    BigDecimal completedInvestment,
    BigDecimal completionRatePercent,
    DoubleHalf doubleHalf,
    Starts onTimeStart,
    long suspendedSites,
    FiveNots fiveNots,
    long reportsPendingCorrection,
    BigDecimal investmentAtRisk,
    long milestonesSlipping,
    List<DashboardView> children,
    Previous previous,
    Monthly monthly) {

  DashboardView with(Previous previous, Monthly monthly) {
    return new DashboardView(
        regionCode,
        regionName,
        year,
        asOf,
        projects,
        byStatus,
        byLevel,
        warnings,
        plannedInvestment,
        completedInvestment,
        completionRatePercent,
        doubleHalf,
        onTimeStart,
        suspendedSites,
        fiveNots,
        reportsPendingCorrection,
        investmentAtRisk,
        milestonesSlipping,
        children,
        previous,
        monthly);
  }

  /**
   * The five nots as they stood at the end of last month ({@code asOf}), for a trend on each tile:
   * the roll-up minus what changed this month, read as on that day; coordination as last seen then.
   */
  record Previous(String month, LocalDate asOf, FiveNots fiveNots) {}

  /**
   * Cumulative planned vs completed investment per month (10k CNY), this year and the one before.
   */
  record Monthly(int year, List<MonthPoint> thisYear, List<MonthPoint> lastYear) {}

  /**
   * {@code planned}: the year's plan spread evenly (month/12, the same pace the warnings use);
   * {@code completed}: reported amounts up to and including the month, absent for months to come.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MonthPoint(String month, BigDecimal planned, BigDecimal completed) {}

  /**
   * 双过半: half of the year's plan by 30 June, and the pace against the share of time gone; {@code
   * halfYearBehind} once 30 June has passed with a plan and less than half of it done.
   */
  record DoubleHalf(
      BigDecimal firstHalfCompleted,
      BigDecimal firstHalfPercent,
      boolean reached,
      long projectsWithPlan,
      long projectsAtHalf,
      BigDecimal currentPacePercent,
      BigDecimal timeSharePercent,
      boolean onPace,
      boolean halfYearBehind) {}

  /** Projects due to start by now (planned start month passed) and those that started on time. */
  record Starts(long due, long onTime, BigDecimal percent) {}

  /** 五个不: not stopped, intensity not reduced, starts not delayed, coordination, planning. */
  record FiveNots(
      NotStopped notStopped,
      Intensity intensity,
      Starts startsNotDelayed,
      Coordination coordination,
      Planning planningNotBrokenOff) {}

  record NotStopped(long inConstruction, long stopped, BigDecimal percent) {}

  record Intensity(
      String month,
      long workersOnSite,
      String previousMonth,
      Long previousWorkersOnSite,
      BigDecimal changePercent) {}

  /** Blockers from issue-service; only {@code available:false} when it did not answer in time. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Coordination(
      boolean available,
      Long received,
      Long resolved,
      Long resolvedOnTime,
      Long overdueNow,
      BigDecimal onTimePercent) {
    static Coordination unavailable() {
      return new Coordination(false, null, null, null, null, null);
    }
  }

  record Planning(int nextYear, long projects) {}
}
