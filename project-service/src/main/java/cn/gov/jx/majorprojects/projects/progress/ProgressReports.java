package cn.gov.jx.majorprojects.projects.progress;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A project's reported months (latest revision of each), for the features that count them. */
@Component
public class ProgressReports {

  /** Reports are due by this day of the following month ({@link ProgressReportService}'s rule). */
  public static final int DUE_DAY = ProgressReportService.DUE_DAY;

  private final ProgressReportRepository reports;

  ProgressReports(ProgressReportRepository reports) {
    this.reports = reports;
  }

  /** One entry per reported month, newest month first. */
  public List<MonthlyProgress> latestOf(String projectId) {
    return reports.findByProjectIdOrderByPeriodDesc(projectId).stream()
        .filter(r -> r.period != null && r.revisions != null && !r.revisions.isEmpty())
        .map(ProgressReports::latest)
        .toList();
  }

  /**
   * Of the given projects, those with a report for the month, each with its lateness: one query.
   */
  public Map<String, Boolean> latenessOf(YearMonth period, Collection<String> projectIds) {
    Map<String, Boolean> out = new HashMap<>();
    if (!projectIds.isEmpty()) {
      reports
          .findByPeriodAndProjectIdIn(period.toString(), projectIds)
          .forEach(r -> out.put(r.projectId, r.late));
    }
    return out;
  }

  /**
   * {@link #latestOf(String)} of several projects in one query (projects without reports absent).
   */
  public Map<String, List<MonthlyProgress>> latestOf(Collection<String> projectIds) {
    Map<String, List<MonthlyProgress>> out = new HashMap<>();
    if (projectIds.isEmpty()) {
      return out;
    }
    reports.findByProjectIdIn(projectIds).stream()
        .filter(r -> r.period != null && r.revisions != null && !r.revisions.isEmpty())
        .sorted(Comparator.comparing((ProgressReport r) -> r.period).reversed())
        .forEach(r -> out.computeIfAbsent(r.projectId, k -> new ArrayList<>()).add(latest(r)));
    return out;
  }

  private static MonthlyProgress latest(ProgressReport report) {
    ProgressReport.Revision current = report.current();
    return new MonthlyProgress(
        YearMonth.parse(report.period),
        current.investmentCompleted(),
        current.workersOnSite(),
        current.siteState());
  }
}
