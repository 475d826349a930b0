package cn.gov.jx.majorprojects.projects.project;

/** The state of a project's report for the previous month ({@code period}, due by the 5th). */
public record PreviousReport(String period, ReportState state) {}
