package cn.gov.jx.majorprojects.projects.project;

import java.util.List;
import java.util.Map;

/**
 * The previous month's report state of several projects at once (one query for a whole page); kept
 * by the warning rules, which own what "expected" and "missing" mean.
 */
public interface ReportStates {

  /** Per project id: its previous month's report and that report's state today. */
  Map<String, PreviousReport> previousMonth(List<Project> projects);
}
