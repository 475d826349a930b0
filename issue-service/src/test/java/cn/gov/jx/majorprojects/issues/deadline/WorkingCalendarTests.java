package cn.gov.jx.majorprojects.issues.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.issues.calendar.YearCalendar;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class WorkingCalendarTests {

  /** The bundled 2026 calendar, as the service ships it. */
  static final WorkingCalendar CAL = load2026();

  static WorkingCalendar load2026() {
    try (InputStream in =
        WorkingCalendarTests.class.getClassLoader().getResourceAsStream("calendars/2026.json")) {
      YearCalendar year = JsonMapper.shared().readValue(in, YearCalendar.class);
      return WorkingCalendar.of(year.holidays(), year.workingDays());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A wall-clock time in Shanghai as an instant. */
  static Instant sh(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
  }

  static Instant endOf(String date) {
    return sh(date + "T23:59:59");
  }

  @ParameterizedTest(name = "{0} + {1} working days ends {2}")
  @CsvSource({
    // ordinary week: counting starts the next working day
    "2026-03-02T10:00, 5, 2026-03-09",
    "2026-03-02T10:00, 1, 2026-03-03",
    // an event on Friday or at the weekend counts from Monday
    "2026-03-06T16:00, 1, 2026-03-09",
    "2026-03-07T09:00, 1, 2026-03-09",
    "2026-03-08T23:00, 1, 2026-03-09",
    // New Year: 1-3 Jan off, Sunday 4 Jan is a swapped working day
    "2025-12-31T10:00, 1, 2026-01-04",
    "2025-12-31T10:00, 2, 2026-01-05",
    // Spring Festival: Sat 14 Feb works, 15-23 Feb off, Sat 28 Feb works
    "2026-02-13T10:00, 1, 2026-02-14",
    "2026-02-13T10:00, 2, 2026-02-24",
    "2026-02-14T10:00, 1, 2026-02-24",
    "2026-02-16T10:00, 1, 2026-02-24",
    "2026-02-27T10:00, 1, 2026-02-28",
    "2026-02-27T10:00, 2, 2026-03-02",
    "2026-02-10T10:00, 5, 2026-02-24",
    // Qingming: 4-6 Apr off
    "2026-04-03T10:00, 1, 2026-04-07",
    // Labour Day: 1-5 May off, Sat 9 May works
    "2026-04-30T10:00, 1, 2026-05-06",
    "2026-04-30T10:00, 3, 2026-05-08",
    "2026-04-30T10:00, 4, 2026-05-09",
    "2026-04-30T10:00, 5, 2026-05-11",
    // Dragon Boat: 19-21 Jun off
    "2026-06-18T10:00, 1, 2026-06-22",
    // Sun 20 Sep works (for National Day); Mid-Autumn 25-27 Sep off
    "2026-09-19T10:00, 1, 2026-09-20",
    "2026-09-24T10:00, 1, 2026-09-28",
    // National Day: 1-7 Oct off, Sat 10 Oct works
    "2026-09-30T10:00, 1, 2026-10-08",
    "2026-09-30T10:00, 3, 2026-10-10",
    "2026-09-30T10:00, 4, 2026-10-12",
    "2026-09-28T10:00, 15, 2026-10-23",
    // a year without a published calendar falls back to plain weekends
    "2027-01-08T10:00, 1, 2027-01-11",
    "2026-12-31T10:00, 1, 2027-01-01",
  })
  void deadlineEndsAtTheLastSecondOfTheNthWorkingDay(String event, int days, String due) {
    assertThat(CAL.deadline(sh(event), days)).isEqualTo(endOf(due));
  }

  @Test
  void theEventsDayIsTakenInShanghaiNotUtc() {
    // 23:30 on Monday in Shanghai is still Monday: one day ends Tuesday night
    assertThat(CAL.deadline(Instant.parse("2026-03-02T15:30:00Z"), 1))
        .isEqualTo(endOf("2026-03-03"));
    // 00:30 on Tuesday in Shanghai is Monday 16:30 UTC, but counts as Tuesday
    assertThat(CAL.deadline(Instant.parse("2026-03-02T16:30:00Z"), 1))
        .isEqualTo(endOf("2026-03-04"));
    assertThat(endOf("2026-03-04")).isEqualTo(Instant.parse("2026-03-04T15:59:59Z"));
  }

  @ParameterizedTest(name = "{0} working: {1}")
  @CsvSource({
    "2026-03-02, true",
    "2026-03-07, false",
    "2026-01-01, false",
    "2026-01-04, true",
    "2026-02-14, true",
    "2026-02-23, false",
    "2026-02-28, true",
    "2026-05-09, true",
    "2026-09-20, true",
    "2026-10-05, false",
    "2026-10-10, true",
    "2026-10-11, false",
  })
  void knowsWeekendsHolidaysAndSwappedWorkingDays(String day, boolean working) {
    assertThat(CAL.isWorkingDay(LocalDate.parse(day))).isEqualTo(working);
  }

  @Test
  void bundled2026HasTheStateCouncilsDayCounts() {
    long offWeekdays =
        LocalDate.parse("2026-01-01")
            .datesUntil(LocalDate.parse("2027-01-01"))
            .filter(d -> !CAL.isWorkingDay(d))
            .count();
    // 261 weekdays, 19 of them holidays, plus 6 swapped working weekend days
    assertThat(365 - offWeekdays).isEqualTo(248);
  }

  @Test
  void aDeadlineNeedsAtLeastOneDay() {
    assertThatThrownBy(() -> CAL.deadline(sh("2026-03-02T10:00"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void weekendsOnlyCalendarSkipsSaturdayAndSunday() {
    WorkingCalendar plain = WorkingCalendar.weekendsOnly();
    assertThat(plain.deadline(sh("2026-02-13T10:00"), 2)).isEqualTo(endOf("2026-02-17"));
    assertThat(plain.isWorkingDay(LocalDate.parse("2026-02-16"))).isTrue();
  }
}
