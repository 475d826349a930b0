package cn.gov.jx.majorprojects.issues.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Supervision halves the whole working days left, rounded up, on the 2026 calendar. */
class SupervisedDeadlineTests {

  // National Day 1-7 Oct off, Sat 10 Oct worked
  static final WorkingCalendar CALENDAR =
      WorkingCalendar.of(
          List.of(
              LocalDate.of(2026, 10, 1),
              LocalDate.of(2026, 10, 2),
              LocalDate.of(2026, 10, 3),
              LocalDate.of(2026, 10, 4),
              LocalDate.of(2026, 10, 5),
              LocalDate.of(2026, 10, 6),
              LocalDate.of(2026, 10, 7)),
          List.of(LocalDate.of(2026, 10, 10)));

  static Instant endOf(String date) {
    return LocalDate.parse(date).atTime(23, 59, 59).atZone(WorkingCalendar.ZONE).toInstant();
  }

  @Test
  void fiveDaysLeftBecomeThree() {
    Instant now = Instant.parse("2026-11-26T02:00:00Z"); // Thu 10:00 Shanghai
    assertThat(EscalationPolicy.supervisedDueAt(CALENDAR, now, endOf("2026-12-03")))
        .isEqualTo(endOf("2026-12-01"));
  }

  @Test
  void fourDaysLeftBecomeTwoAcrossAWeekend() {
    Instant now = Instant.parse("2026-11-27T02:00:00Z"); // Fri
    assertThat(EscalationPolicy.supervisedDueAt(CALENDAR, now, endOf("2026-12-03")))
        .isEqualTo(endOf("2026-12-01"));
  }

  @Test
  void holidaysDoNotCountAndASwappedSaturdayDoes() {
    Instant now = Instant.parse("2026-09-30T02:00:00Z"); // Wed before National Day
    // left: Thu 8, Fri 9, Sat 10 (worked), Mon 12, Tue 13 Oct = 5, halved up = 3 -> Sat 10 Oct
    assertThat(EscalationPolicy.supervisedDueAt(CALENDAR, now, endOf("2026-10-13")))
        .isEqualTo(endOf("2026-10-10"));
  }

  @Test
  void dueTodayTomorrowOrOverdueKeepsItsDeadline() {
    Instant now = Instant.parse("2026-11-26T02:00:00Z");
    assertThat(EscalationPolicy.supervisedDueAt(CALENDAR, now, endOf("2026-11-26")))
        .isEqualTo(endOf("2026-11-26"));
    assertThat(EscalationPolicy.supervisedDueAt(CALENDAR, now, endOf("2026-11-27")))
        .isEqualTo(endOf("2026-11-27"));
    assertThat(EscalationPolicy.supervisedDueAt(CALENDAR, now, endOf("2026-11-20")))
        .isEqualTo(endOf("2026-11-20"));
  }
}
