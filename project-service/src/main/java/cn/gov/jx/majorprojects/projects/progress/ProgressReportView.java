package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.progress.ProgressReport.Revision;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One revision of a month's report as the API answers it; {@code correctionRequested} is the
 * report's pending return (the same on every revision), {@code answersCorrection} the return this
 * revision answered.
 */
record ProgressReportView(
    String projectId,
    String period,
    int revision,
    boolean late,
    BigDecimal investmentCompleted,
    BigDecimal physicalProgressPercent,
    int workersOnSite,
    SiteState siteState,
    String suspensionReason,
    String note,
    String submittedBy,
    Instant submittedAt,
    Instant firstSubmittedAt,
    CorrectionRequest answersCorrection,
    CorrectionRequest correctionRequested) {

  static ProgressReportView of(ProgressReport report, Revision r) {
    return new ProgressReportView(
        report.projectId,
        report.period,
        r.revision(),
        report.late,
        r.investmentCompleted(),
        r.physicalProgressPercent(),
        r.workersOnSite(),
        r.siteState(),
        r.suspensionReason(),
        r.note(),
        r.submittedBy(),
        r.submittedAt(),
        report.firstSubmittedAt,
        r.answers(),
        report.correctionRequested);
  }

  static ProgressReportView latest(ProgressReport report) {
    return of(report, report.current());
  }
}
