package cn.gov.jx.majorprojects.projects.progress;

import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A window of issue-service's working days (weekends, public holidays and swapped working days are
 * its calendar's business); date arithmetic outside the window is refused rather than guessed.
 */
record WorkingDays(LocalDate from, LocalDate to, NavigableSet<LocalDate> days) {

  static WorkingDays of(LocalDate from, LocalDate to, Collection<LocalDate> days) {
    return new WorkingDays(from, to, new TreeSet<>(days));
  }

  boolean isWorkingDay(LocalDate day) {
    inWindow(day);
    return days.contains(day);
  }

  /** The n-th working day strictly after {@code day} (n ≥ 1). */
  LocalDate nthAfter(LocalDate day, int n) {
    inWindow(day);
    LocalDate current = day;
    for (int i = 0; i < n; i++) {
      current = days.higher(current);
      if (current == null) {
        throw new IllegalStateException("no " + n + " working days after " + day + " up to " + to);
      }
    }
    return current;
  }

  private void inWindow(LocalDate day) {
    if (day.isBefore(from) || day.isAfter(to)) {
      throw new IllegalStateException(
          day + " is outside the known working days " + from + ".." + to);
    }
  }
}
