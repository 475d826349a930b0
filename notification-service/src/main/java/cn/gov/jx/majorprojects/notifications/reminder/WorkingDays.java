package cn.gov.jx.majorprojects.notifications.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Monday to Friday, minus listed public holidays, plus listed worked weekend days (the State
 * Council's adjusted days). issue-service holds the full calendar; here the operator lists them.
 */
record WorkingDays(Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {

  boolean isWorkingDay(LocalDate day) {
    if (extraWorkingDays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
