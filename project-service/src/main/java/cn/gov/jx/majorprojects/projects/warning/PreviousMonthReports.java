package cn.gov.jx.majorprojects.projects.warning;

import cn.gov.jx.majorprojects.projects.progress.ProgressReports;
import cn.gov.jx.majorprojects.projects.project.PreviousReport;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ReportStates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Last month's report state of a page of projects: one query for the page, the policy's rule. */
@Component
class PreviousMonthReports implements ReportStates {

  private final ProgressReports reports;
  private final Clock clock;

  PreviousMonthReports(ProgressReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public Map<String, PreviousReport> previousMonth(List<Project> projects) {
    LocalDate today = LocalDate.now(clock);
    YearMonth period = YearMonth.from(today).minusMonths(1);
    Map<String, Boolean> lateness =
        reports.latenessOf(period, projects.stream().map(Project::getId).toList());
    Map<String, PreviousReport> out = new HashMap<>();
    for (Project p : projects) {
      out.put(
          p.getId(),
          new PreviousReport(
              period.toString(),
              WarningPolicy.reportState(
                  p.getStatus(), p.getActualStart(), period, lateness.get(p.getId()), today)));
    }
    return out;
  }
}
