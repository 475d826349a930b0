package cn.gov.jx.majorprojects.issues.calendar;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working days of this service's calendar for other services (project-service chases missing
 * reports on them), so the platform keeps one calendar and one rule for what a working day is.
 */
@RestController
class InternalCalendarController {

  static final int MAX_DAYS = 400;

  private final CalendarService service;

  InternalCalendarController(CalendarService service) {
    this.service = service;
  }

  record WorkingDays(LocalDate from, LocalDate to, List<LocalDate> workingDays) {}

  @GetMapping("/internal/working-days")
  WorkingDays workingDays(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw BadRequestException.field("to", "must be 0 to " + (MAX_DAYS - 1) + " days after from");
    }
    WorkingCalendar calendar = service.workingCalendar();
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        days.add(d);
      }
    }
    return new WorkingDays(from, to, days);
  }
}
