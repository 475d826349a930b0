package cn.gov.jx.majorprojects.issues.deadline;

import java.time.Instant;

/** The colour of a case against its deadline. */
public enum Warning {
  GREEN,
  YELLOW,
  RED;

  /** Yellow once this share of the allowed working time has passed. */
  public static final double YELLOW_SHARE = 0.8;

  /** Red when overdue, yellow at 80 % of the working time, green before. */
  public static Warning of(WorkingCalendar calendar, Instant since, Instant due, Instant now) {
    if (now.isAfter(due)) {
      return RED;
    }
    return calendar.elapsedShare(since, due, now) >= YELLOW_SHARE ? YELLOW : GREEN;
  }
}
