package cn.gov.jx.majorprojects.issues.deadline;

/** How urgent a blocker is; urgent ones get shorter deadlines. */
public enum Urgency {
  NORMAL,
  URGENT
}
