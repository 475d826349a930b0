package cn.gov.jx.majorprojects.issues.deadline;

import static cn.gov.jx.majorprojects.issues.deadline.WorkingCalendarTests.CAL;
import static cn.gov.jx.majorprojects.issues.deadline.WorkingCalendarTests.endOf;
import static cn.gov.jx.majorprojects.issues.deadline.WorkingCalendarTests.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarningTests {

  // Mon 2 Mar 10:00, 5 working days: counting runs Tue 3 - Mon 9 Mar, due Mon 9 Mar 23:59:59
  static final Instant SINCE = sh("2026-03-02T10:00");
  static final Instant DUE = endOf("2026-03-09");

  @ParameterizedTest(name = "at {0}: {1}")
  @CsvSource({
    "2026-03-02T18:00, GREEN",
    "2026-03-05T12:00, GREEN",
    "2026-03-06T12:00, GREEN",
    "2026-03-06T23:59, GREEN",
    // four of five working days used at Friday midnight; the weekend does not count on
    "2026-03-07T00:00, YELLOW",
    "2026-03-08T12:00, YELLOW",
    "2026-03-09T23:59:59, YELLOW",
    "2026-03-10T00:00, RED",
    "2026-04-01T00:00, RED",
  })
  void yellowAtEightyPercentOfWorkingTimeRedWhenOverdue(String now, Warning expected) {
    assertThat(Warning.of(CAL, SINCE, DUE, sh(now))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Spring Festival, at {0}: {1}")
  @CsvSource({
    // Fri 13 Feb, 5 days: 14 Feb and 24-27 Feb; the nine days off do not use up time
    "2026-02-15T12:00, GREEN",
    "2026-02-23T23:00, GREEN",
    "2026-02-26T12:00, GREEN",
    "2026-02-27T00:00, YELLOW",
    "2026-02-28T00:00, RED",
  })
  void holidaysDoNotEatTheTime(String now, Warning expected) {
    Instant since = sh("2026-02-13T10:00");
    Instant due = CAL.deadline(since, 5);
    assertThat(due).isEqualTo(endOf("2026-02-27"));
    assertThat(Warning.of(CAL, since, due, sh(now))).isEqualTo(expected);
  }
}
