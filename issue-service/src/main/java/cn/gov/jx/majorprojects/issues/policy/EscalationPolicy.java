package cn.gov.jx.majorprojects.issues.policy;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Working days allowed to accept and to resolve a case, per level and urgency. Versioned: every
 * change is a new version and a case keeps the version it was created under.
 */
public record EscalationPolicy(
    int version, int acceptWorkingDays, Map<RegionLevel, ResolveDays> resolveWorkingDays) {

  public static final int MAX_DAYS = 365;

  /** Working days to resolve for normal and for urgent cases at one level. */
  public record ResolveDays(int normal, int urgent) {
    int of(Urgency urgency) {
      return urgency == Urgency.URGENT ? urgent : normal;
    }
  }

  public EscalationPolicy {
    // in level order, the same on every replica (Map.copyOf's order differs from JVM to JVM:
    // HostileInputE2ETests' read-back saw the two replicas answer the policy differently)
    Map<RegionLevel, ResolveDays> ordered = new EnumMap<>(RegionLevel.class);
    ordered.putAll(resolveWorkingDays);
    resolveWorkingDays = Collections.unmodifiableMap(ordered);
  }

  /** Accept within 1 day; resolve county 5/2, city 10/5, province 15/7 (normal/urgent). */
  public static EscalationPolicy defaults() {
    Map<RegionLevel, ResolveDays> resolve = new EnumMap<>(RegionLevel.class);
    resolve.put(RegionLevel.COUNTY, new ResolveDays(5, 2));
    resolve.put(RegionLevel.CITY, new ResolveDays(10, 5));
    resolve.put(RegionLevel.PROVINCE, new ResolveDays(15, 7));
    return new EscalationPolicy(1, 1, resolve);
  }

  public int resolveDays(RegionLevel level, Urgency urgency) {
    ResolveDays days = resolveWorkingDays.get(level);
    if (days == null) {
      throw new IllegalStateException("policy v" + version + " has no days for " + level);
    }
    return days.of(urgency);
  }

  /** The deadlines of a case that arrives at {@code level} at {@code arrivedAt}. */
  public CaseDeadlines deadlinesFor(
      WorkingCalendar calendar, RegionLevel level, Urgency urgency, Instant arrivedAt) {
    return new CaseDeadlines(
        calendar.deadline(arrivedAt, acceptWorkingDays),
        calendar.deadline(arrivedAt, resolveDays(level, urgency)));
  }

  /**
   * Supervision (督办) halves the whole working days left after today, rounded up: with 4 left the
   * case is due at the end of the 2nd working day after today, with 5 left the 3rd. A case due
   * today or already overdue keeps its deadline.
   */
  public static Instant supervisedDueAt(WorkingCalendar calendar, Instant now, Instant dueAt) {
    if (!dueAt.isAfter(now)) {
      return dueAt;
    }
    java.time.LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
    java.time.LocalDate dueDay = dueAt.atZone(WorkingCalendar.ZONE).toLocalDate();
    int left = 0;
    for (java.time.LocalDate d = today.plusDays(1); !d.isAfter(dueDay); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        left++;
      }
    }
    if (left <= 1) {
      return dueAt;
    }
    return calendar.deadline(now, (left + 1) / 2);
  }

  /** The accept-by and resolve-by instants of one stay at one level. */
  public record CaseDeadlines(Instant acceptDueAt, Instant dueAt) {}

  /** What is wrong with this policy as field errors; empty when it is usable. */
  public List<FieldProblem> problems() {
    List<FieldProblem> out = new ArrayList<>();
    if (acceptWorkingDays < 1 || acceptWorkingDays > MAX_DAYS) {
      out.add(new FieldProblem("acceptWorkingDays", "must be between 1 and " + MAX_DAYS));
    }
    for (RegionLevel level : RegionLevel.values()) {
      ResolveDays days = resolveWorkingDays.get(level);
      String field = "resolveWorkingDays." + level;
      if (days == null) {
        out.add(new FieldProblem(field, "is required"));
        continue;
      }
      if (days.normal() < 1 || days.normal() > MAX_DAYS) {
        out.add(new FieldProblem(field + ".normal", "must be between 1 and " + MAX_DAYS));
      }
      if (days.urgent() < 1 || days.urgent() > MAX_DAYS) {
        out.add(new FieldProblem(field + ".urgent", "must be between 1 and " + MAX_DAYS));
      }
      if (days.urgent() > days.normal()) {
        out.add(new FieldProblem(field + ".urgent", "must not be longer than normal"));
      }
    }
    return out;
  }
}
