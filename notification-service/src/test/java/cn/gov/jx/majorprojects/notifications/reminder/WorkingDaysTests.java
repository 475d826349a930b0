package cn.gov.jx.majorprojects.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

  WorkingDays days =
      new WorkingDays(Set.of(LocalDate.parse("2026-10-01")), Set.of(LocalDate.parse("2026-10-10")));

  @Test
  void weekdaysWorkWeekendsRestAndTheOperatorsListsWin() {
    assertThat(days.isWorkingDay(LocalDate.parse("2026-11-27"))).as("Friday").isTrue();
    assertThat(days.isWorkingDay(LocalDate.parse("2026-11-28"))).as("Saturday").isFalse();
    assertThat(days.isWorkingDay(LocalDate.parse("2026-10-01"))).as("National Day").isFalse();
    assertThat(days.isWorkingDay(LocalDate.parse("2026-10-10"))).as("worked Saturday").isTrue();
  }
}
