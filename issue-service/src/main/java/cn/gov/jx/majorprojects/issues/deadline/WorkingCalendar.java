package cn.gov.jx.majorprojects.issues.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Which days are working days in mainland China: Monday to Friday, minus public holidays, plus the
 * swapped working weekend days (调休). Deadline arithmetic counts in these days, in Asia/Shanghai.
 */
public final class WorkingCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** A deadline ends at the last second of its day. */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  // a deadline further than this is a configuration error, not a real case
  private static final int MAX_DAYS_SEARCHED = 3660;

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> swappedWorkingDays;

  private WorkingCalendar(
      Collection<LocalDate> holidays, Collection<LocalDate> swappedWorkingDays) {
    this.holidays = Set.copyOf(holidays);
    this.swappedWorkingDays = Set.copyOf(swappedWorkingDays);
  }

  public static WorkingCalendar of(
      Collection<LocalDate> holidays, Collection<LocalDate> swappedWorkingDays) {
    return new WorkingCalendar(holidays, swappedWorkingDays);
  }

  /** Weekends only: what a year without a published calendar falls back to. */
  public static WorkingCalendar weekendsOnly() {
    return new WorkingCalendar(Set.of(), Set.of());
  }

  public boolean isWorkingDay(LocalDate day) {
    if (swappedWorkingDays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The first working day strictly after {@code day}. */
  public LocalDate nextWorkingDay(LocalDate day) {
    return nthWorkingDayAfter(day, 1);
  }

  /** The n-th working day strictly after {@code day} (n ≥ 1). */
  public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a deadline needs at least one working day, got " + n);
    }
    LocalDate current = day;
    int found = 0;
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
      current = current.plusDays(1);
      if (isWorkingDay(current) && ++found == n) {
        return current;
      }
    }
    throw new IllegalStateException("no " + n + " working days within ten years after " + day);
  }

  /**
   * The deadline of {@code workingDays} days for an event at {@code event}: counting starts on the
   * next working day after the event's day and ends at 23:59:59 Shanghai time of the n-th one.
   */
  public Instant deadline(Instant event, int workingDays) {
    LocalDate eventDay = event.atZone(ZONE).toLocalDate();
    return nthWorkingDayAfter(eventDay, workingDays).atTime(END_OF_DAY).atZone(ZONE).toInstant();
  }

  /**
   * The share of the allowed working time used at {@code now}: only time on working days counts,
   * from the start of the first counted day to the deadline. 0 before counting starts, ≥ 1 once
   * due.
   */
  public double elapsedShare(Instant event, Instant due, Instant now) {
    Instant countingStarts =
        nextWorkingDay(event.atZone(ZONE).toLocalDate()).atStartOfDay(ZONE).toInstant();
    long allowed = workingSeconds(countingStarts, due.plusSeconds(1));
    if (allowed <= 0) {
      return now.isAfter(due) ? 1.0 : 0.0;
    }
    long used = workingSeconds(countingStarts, now);
    return (double) used / allowed;
  }

  /** Working days after {@code from}'s day up to and including {@code to}'s day (Shanghai). */
  public int workingDaysBetween(Instant from, Instant to) {
    LocalDate day = from.atZone(ZONE).toLocalDate();
    LocalDate last = to.atZone(ZONE).toLocalDate();
    int count = 0;
    for (LocalDate d = day.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The instant at which {@code share} of the allowed working time is used: when a case turns
   * yellow, stored so the sweep can find it with an indexed query.
   */
  public Instant instantAtShare(Instant event, Instant due, double share) {
    ZonedDateTime cursor = nextWorkingDay(event.atZone(ZONE).toLocalDate()).atStartOfDay(ZONE);
    long allowed = workingSeconds(cursor.toInstant(), due.plusSeconds(1));
    long remaining = (long) Math.ceil(allowed * share);
    ZonedDateTime end = due.atZone(ZONE);
    while (cursor.isBefore(end)) {
      ZonedDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay(ZONE);
      if (isWorkingDay(cursor.toLocalDate())) {
        long day = Duration.between(cursor, nextMidnight).getSeconds();
        if (remaining <= day) {
          return cursor.plusSeconds(remaining).toInstant();
        }
        remaining -= day;
      }
      cursor = nextMidnight;
    }
    return due;
  }

  /** Seconds between two instants that fall on working days (Shanghai time). */
  long workingSeconds(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    long total = 0;
    ZonedDateTime cursor = from.atZone(ZONE);
    ZonedDateTime end = to.atZone(ZONE);
    while (cursor.isBefore(end)) {
      ZonedDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay(ZONE);
      ZonedDateTime sliceEnd = nextMidnight.isBefore(end) ? nextMidnight : end;
      if (isWorkingDay(cursor.toLocalDate())) {
        total += Duration.between(cursor, sliceEnd).getSeconds();
      }
      cursor = sliceEnd;
    }
    return total;
  }
}
