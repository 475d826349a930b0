package cn.gov.jx.majorprojects.projects.project;

/**
 * Where a project's report for a month stands: filed (on time or late), due (not filed, the due day
 * not passed), missing (not filed, past the due day), or not required (nothing filed and the
 * project was not building that month, so no report is expected).
 */
public enum ReportState {
  FILED,
  FILED_LATE,
  DUE,
  MISSING,
  NOT_REQUIRED
}
