package cn.gov.jx.majorprojects.notifications.event;

/** Issue timeline types and project warnings, with a short Chinese and English phrase each. */
public enum EventType {
  SUBMITTED("新问题已提交", "New issue submitted"),
  ACCEPTED("问题已受理", "Issue accepted"),
  MESSAGE_POSTED("问题有新留言", "New message on issue"),
  ESCALATED("问题已提级", "Issue escalated"),
  AUTO_ESCALATED("问题超时自动提级", "Issue escalated automatically (overdue)"),
  RETURNED("问题已退回", "Issue returned"),
  RESOLVED("问题已办结", "Issue resolved"),
  REOPENED("问题已重新打开", "Issue reopened"),
  CLOSED("问题已关闭", "Issue closed"),
  SUPERVISED("问题已列入督办", "Issue put under supervision"),
  EXTENSION_REQUESTED("申请延期", "Extension requested"),
  EXTENSION_DECIDED("延期申请已处理", "Extension decided"),
  DECISION_RECORDED("调度会议已形成决定", "Meeting decision recorded"),
  DECISION_DONE("会议决定已落实", "Meeting decision done"),
  /** issue-service: a coordination meeting will take the issue up (its attendees hear of it). */
  MEETING_SCHEDULED("问题已列入协调会议", "Issue put on a coordination meeting"),
  /**
   * issue-service's sweep: a meeting decision past its due date (responsible region, organiser).
   */
  DECISION_OVERDUE("会议决定已逾期未落实", "Meeting decision overdue"),
  /**
   * issue-service: the milestones of the project's annual plan a case holds up were named or
   * changed (the owner organisation and the holders hear it; the actor does not).
   */
  MILESTONES_CHANGED("问题卡住的年度计划节点有变化", "Plan milestones held up by the issue changed"),
  TURNED_YELLOW("问题亮黄灯", "Issue turned yellow"),
  TURNED_RED("问题亮红灯", "Issue turned red"),
  PROJECT_RED("项目亮红灯", "Project turned red"),
  PROJECT_YELLOW("项目亮黄灯", "Project turned yellow"),
  REPORT_MISSING("项目月报未报送", "Monthly report missing"),
  /** A coordinator or manager returned a filed monthly report: its owners correct it. */
  REPORT_RETURNED("项目月报被退回修改", "Monthly report returned for correction"),
  /**
   * project-service's chase of a missing monthly report ({@code details.reminder} of at most 5);
   * the county's coordinators hear of the one marked {@code details.countyCoordinator}.
   */
  REPORT_REMINDER("项目月报催报", "Reminder: monthly report still missing"),
  /** project-service: a region under half of its year's plan after the first half (双过半). */
  DOUBLE_HALF_BEHIND("上半年投资未过半（双过半未达标）", "Half of the year's plan not reached by 30 June"),
  /** issue-service's daily reminder of a red case still open on a new working day: holders only. */
  RED_REMINDER("红灯问题仍未办结，请尽快处理", "Reminder: red issue still open");

  private final String zh;
  private final String en;

  EventType(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** Cannot be muted by a preference: someone must act on these. */
  public boolean mandatory() {
    return this == TURNED_RED
        || this == SUPERVISED
        || this == PROJECT_RED
        || this == RED_REMINDER
        || this == DECISION_OVERDUE;
  }

  /** Red: SMS does not wait for the end of quiet hours. */
  public boolean red() {
    return this == TURNED_RED || this == PROJECT_RED || this == RED_REMINDER;
  }
}
