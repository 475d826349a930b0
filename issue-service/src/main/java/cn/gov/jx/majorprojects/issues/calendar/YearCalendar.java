package cn.gov.jx.majorprojects.issues.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The non-working weekdays and the swapped working weekend days (调休) of one year, and where they
 * come from.
 */
public record YearCalendar(
    int year, List<LocalDate> holidays, List<LocalDate> workingDays, String source) {

  public YearCalendar {
    holidays = holidays.stream().distinct().sorted().toList();
    workingDays = workingDays.stream().distinct().sorted().toList();
  }
}
