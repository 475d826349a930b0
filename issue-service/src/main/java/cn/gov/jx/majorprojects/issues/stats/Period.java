package cn.gov.jx.majorprojects.issues.stats;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A period of whole months in Asia/Shanghai, as the accountability figures count them: {@code
 * from}/{@code to} YYYY-MM, both inclusive, by default January of this year to this month, at most
 * {@value #MAX_MONTHS} months; anything else is a 400 naming the parameter.
 */
public record Period(YearMonth from, YearMonth to) {

  public static final int MAX_MONTHS = 36;

  public static Period of(String from, String to, Clock clock) {
    YearMonth now = YearMonth.from(clock.instant().atZone(WorkingCalendar.ZONE));
    YearMonth start = month("from", from, YearMonth.of(now.getYear(), 1));
    YearMonth end = month("to", to, now);
    if (end.isBefore(start)) {
      throw BadRequestException.field("to", "must not be before from");
    }
    if (start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
      throw BadRequestException.field("to", "at most " + MAX_MONTHS + " months after from");
    }
    return new Period(start, end);
  }

  /** A month parameter; {@code fallback} when absent or blank. */
  static YearMonth month(String field, String value, YearMonth fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw BadRequestException.field(field, "must be a month YYYY-MM");
    }
  }

  /** 00:00 Shanghai of the first day. */
  public Instant start() {
    return from.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
  }

  /** 00:00 Shanghai of the day after the last day (exclusive). */
  public Instant end() {
    return to.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
  }
}
