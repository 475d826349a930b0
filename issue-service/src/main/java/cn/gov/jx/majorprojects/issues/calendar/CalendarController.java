package cn.gov.jx.majorprojects.issues.calendar;

import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendars")
class CalendarController {

  private final CalendarService service;

  CalendarController(CalendarService service) {
    this.service = service;
  }

  record CalendarRequest(
      @NotNull @Size(max = 366) List<LocalDate> holidays,
      @NotNull @Size(max = 366) List<LocalDate> workingDays,
      @Size(max = 500) String source) {}

  @GetMapping("/{year}")
  YearCalendar get(@PathVariable int year) {
    return service.year(year);
  }

  @PutMapping("/{year}")
  @PreAuthorize("hasRole('admin')")
  YearCalendar put(
      @PathVariable int year, @Valid @RequestBody CalendarRequest body, PlatformUser user) {
    return service.replace(
        year, body.holidays(), body.workingDays(), body.source(), user.username());
  }
}
