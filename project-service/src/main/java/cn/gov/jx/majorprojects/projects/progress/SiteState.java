package cn.gov.jx.majorprojects.projects.progress;

/** State of the site in the reported month; CLOSED_LOOP is 封闭管理 (working, sealed off). */
public enum SiteState {
  WORKING,
  CLOSED_LOOP,
  SUSPENDED
}
