package cn.gov.jx.majorprojects.issues.calendar;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Calendars per year: an administrator's version wins over the bundled one; else weekends only. */
@Service
public class CalendarService {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  static final List<Integer> BUNDLED_YEARS = List.of(2026);

  private final CalendarRepository repository;
  private final Clock clock;
  private final Map<Integer, YearCalendar> bundled;

  CalendarService(CalendarRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
    this.bundled = loadBundled();
  }

  public YearCalendar year(int year) {
    checkYear(year);
    return repository
        .findById(year)
        .map(CalendarService::toYear)
        .orElseGet(
            () ->
                bundled.getOrDefault(
                    year,
                    new YearCalendar(year, List.of(), List.of(), "none published: weekends only")));
  }

  /** Every known year merged into one calendar, for deadlines that cross New Year. */
  public WorkingCalendar workingCalendar() {
    Map<Integer, YearCalendar> years = new TreeMap<>(bundled);
    repository.findAll().forEach(doc -> years.put(doc.year(), toYear(doc)));
    List<LocalDate> holidays = new ArrayList<>();
    List<LocalDate> working = new ArrayList<>();
    years
        .values()
        .forEach(
            y -> {
              holidays.addAll(y.holidays());
              working.addAll(y.workingDays());
            });
    return WorkingCalendar.of(holidays, working);
  }

  YearCalendar replace(
      int year, List<LocalDate> holidays, List<LocalDate> workingDays, String source, String by) {
    checkYear(year);
    List<FieldProblem> problems = new ArrayList<>();
    checkDates("holidays", year, holidays, problems);
    checkDates("workingDays", year, workingDays, problems);
    for (int i = 0; i < workingDays.size(); i++) {
      DayOfWeek dow = workingDays.get(i).getDayOfWeek();
      if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
        problems.add(
            new FieldProblem(
                "workingDays[" + i + "]", "is a weekday; only weekend days can be swapped in"));
      }
    }
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(workingDays);
    if (!both.isEmpty()) {
      problems.add(new FieldProblem("workingDays", "lists days that are also holidays: " + both));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("The calendar has invalid dates", problems);
    }
    CalendarDocument doc =
        new CalendarDocument(
            year,
            holidays.stream().distinct().sorted().map(LocalDate::toString).toList(),
            workingDays.stream().distinct().sorted().map(LocalDate::toString).toList(),
            source == null || source.isBlank() ? "set by " + by : source,
            clock.instant(),
            by);
    return toYear(repository.save(doc));
  }

  private static void checkDates(
      String field, int year, List<LocalDate> dates, List<FieldProblem> problems) {
    for (int i = 0; i < dates.size(); i++) {
      if (dates.get(i) == null || dates.get(i).getYear() != year) {
        problems.add(new FieldProblem(field + "[" + i + "]", "must be a date in " + year));
      }
    }
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw BadRequestException.field(
          "year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
  }

  private static YearCalendar toYear(CalendarDocument doc) {
    return new YearCalendar(
        doc.year(),
        doc.holidays().stream().map(LocalDate::parse).toList(),
        doc.workingDays().stream().map(LocalDate::parse).toList(),
        doc.source());
  }

  private static Map<Integer, YearCalendar> loadBundled() {
    Map<Integer, YearCalendar> out = new TreeMap<>();
    for (int year : BUNDLED_YEARS) {
      String resource = "calendars/" + year + ".json";
      try (InputStream in = CalendarService.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + resource);
        }
        out.put(year, JsonMapper.shared().readValue(in, YearCalendar.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
