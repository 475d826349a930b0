package cn.gov.jx.majorprojects.issues.issue;

/** What kind of blocker (DESIGN.md). */
public enum Category {
  LAND,
  FUNDING,
  PERMIT,
  LABOR,
  MATERIALS,
  LOGISTICS,
  ENERGY,
  EPIDEMIC_CONTROL,
  DEMOLITION,
  OTHER
}
