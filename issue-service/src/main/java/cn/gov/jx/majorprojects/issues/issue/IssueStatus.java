package cn.gov.jx.majorprojects.issues.issue;

public enum IssueStatus {
  OPEN,
  IN_PROGRESS,
  RESOLVED,
  CLOSED
}
