package cn.gov.jx.majorprojects.projects.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report chase's day arithmetic over issue-service's working days, without Spring. */
class WorkingDaysTests {

  // 1-10 October 2026: the National Day holiday; Sunday 11 and Saturday 10 are swapped working days
  static final WorkingDays OCTOBER =
      WorkingDays.of(
          LocalDate.parse("2026-09-28"),
          LocalDate.parse("2026-10-16"),
          List.of(
              LocalDate.parse("2026-09-28"),
              LocalDate.parse("2026-09-29"),
              LocalDate.parse("2026-09-30"),
              LocalDate.parse("2026-10-10"),
              LocalDate.parse("2026-10-11"),
              LocalDate.parse("2026-10-12"),
              LocalDate.parse("2026-10-13")));

  @Test
  void theNthWorkingDayAfterSkipsTheHolidayAndCountsSwappedDays() {
    assertThat(OCTOBER.nthAfter(LocalDate.parse("2026-09-30"), 1))
        .isEqualTo(LocalDate.parse("2026-10-10"));
    assertThat(OCTOBER.nthAfter(LocalDate.parse("2026-10-05"), 3))
        .isEqualTo(LocalDate.parse("2026-10-12"));
    assertThat(OCTOBER.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(OCTOBER.isWorkingDay(LocalDate.parse("2026-10-11"))).isTrue();
  }

  @Test
  void daysOutsideTheWindowAreRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> OCTOBER.isWorkingDay(LocalDate.parse("2026-10-17")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside the known working days");
    assertThatThrownBy(() -> OCTOBER.nthAfter(LocalDate.parse("2026-10-12"), 5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no 5 working days after 2026-10-12");
  }
}
