package cn.gov.jx.majorprojects.projects.progress;

import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Component;

/** A project's reported months (latest revision of each), for the features that count them. */
@Component
public class ProgressReports {

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

  private static MonthlyProgress latest(ProgressReport report) {
    ProgressReport.Revision current = report.current();
    return new MonthlyProgress(
        YearMonth.parse(report.period),
        current.investmentCompleted(),
        current.workersOnSite(),
        current.siteState(),
        report.correctionRequested != null);
  }
}
