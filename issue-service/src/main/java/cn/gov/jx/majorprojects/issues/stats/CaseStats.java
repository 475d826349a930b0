package cn.gov.jx.majorprojects.issues.stats;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.Issue.Before;
import cn.gov.jx.majorprojects.issues.issue.IssueStore.CaseRecorded;
import cn.gov.jx.majorprojects.issues.issue.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What each timeline event adds to the accountability and coordination counters. */
@Component
class CaseStats {

  private final StatsRecorder recorder;
  private final CalendarService calendars;

  CaseStats(StatsRecorder recorder, CalendarService calendars) {
    this.recorder = recorder;
    this.calendars = calendars;
  }

  /** After a case's write: each of its new entries in order. */
  @EventListener
  void on(CaseRecorded recorded) {
    WorkingCalendar calendar = calendars.workingCalendar();
    for (Issue.Step step : recorded.steps()) {
      if (step.entry() == null) {
        continue; // a reminder: no entry, no counter
      }
      record(recorded.issue(), step.entry(), step.before(), calendar);
    }
  }

  private void record(Issue issue, TimelineEntry entry, Before before, WorkingCalendar calendar) {
    Instant at = entry.at();
    switch (entry.type()) {
      case "SUBMITTED" -> {
        recorder.handler(entry.toRegion(), at, counts("received", 1));
        recorder.project(issue.projectRegion(), at, counts("received", 1));
      }
      case "ACCEPTED" ->
          recorder.handler(
              before.region(),
              at,
              counts("accepted", 1, "acceptedOnTime", onTime(at, before.acceptDueAt())));
      case "ESCALATED", "AUTO_ESCALATED" -> {
        boolean late = "AUTO_ESCALATED".equals(entry.type());
        recorder.handler(
            before.region(),
            at,
            counts(
                "escalatedAway",
                1,
                "escalatedForLateness",
                late ? 1 : 0,
                "bounced",
                pushedBackUp(issue, entry, calendar) ? 1 : 0,
                "holdingSeconds",
                holding(before, at)));
        recorder.handler(entry.toRegion(), at, counts("received", 1));
      }
      case "RETURNED" -> {
        recorder.handler(
            before.region(),
            at,
            counts("returnedDown", 1, "bounced", 1, "holdingSeconds", holding(before, at)));
        recorder.handler(entry.toRegion(), at, counts("received", 1));
      }
      case "RESOLVED" -> {
        long onTime = onTime(at, before.dueAt());
        Map<String, Long> handler =
            counts("resolved", 1, "resolvedOnTime", onTime, "holdingSeconds", holding(before, at));
        handler.put("resolveDays." + calendar.workingDaysBetween(before.levelSince(), at), 1L);
        recorder.handler(before.region(), at, handler);
        recorder.project(
            issue.projectRegion(), at, counts("resolved", 1, "resolvedOnTime", onTime));
      }
      case "REOPENED" -> {
        recorder.handler(before.region(), at, counts("reopened", 1));
        // the case is no longer resolved: take back what its resolution counted
        TimelineEntry resolved = lastOfType(issue, "RESOLVED");
        long wasOnTime =
            resolved != null && "true".equals(resolved.details().get("onTime")) ? 1 : 0;
        Instant resolvedAt = resolved == null ? at : resolved.at();
        recorder.project(
            issue.projectRegion(),
            resolvedAt,
            counts("resolved", -1, "resolvedOnTime", -wasOnTime));
      }
      case "DECISION_OVERDUE" ->
          recorder.handler(
              entry.details().get("responsibleRegion"), at, counts("decisionsOverdue", 1));
      default -> {
        // messages, colours, supervision, extensions and decisions change no counter
      }
    }
  }

  /**
   * True when this escalation sends up a case that came down by a return no more than one working
   * day ago (by the end of the first working day after the return's day): a bounce.
   */
  private static boolean pushedBackUp(
      Issue issue, TimelineEntry escalation, WorkingCalendar calendar) {
    List<TimelineEntry> timeline = issue.timeline();
    for (int i = escalation.sequence() - 2; i >= 0 && i < timeline.size(); i--) {
      TimelineEntry e = timeline.get(i);
      if (ARRIVALS.contains(e.type())) {
        return "RETURNED".equals(e.type())
            && !escalation.at().isAfter(calendar.deadline(e.at(), 1));
      }
    }
    return false;
  }

  private static final Set<String> ARRIVALS =
      Set.of("SUBMITTED", "ESCALATED", "AUTO_ESCALATED", "RETURNED");

  private static TimelineEntry lastOfType(Issue issue, String type) {
    List<TimelineEntry> timeline = issue.timeline();
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).type().equals(type)) {
        return timeline.get(i);
      }
    }
    return null;
  }

  private static long onTime(Instant at, Instant due) {
    return due != null && !at.isAfter(due) ? 1 : 0;
  }

  private static long holding(Before before, Instant at) {
    return before.levelSince() == null
        ? 0
        : Math.max(0, Duration.between(before.levelSince(), at).getSeconds());
  }

  private static Map<String, Long> counts(Object... pairs) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      long value = ((Number) pairs[i + 1]).longValue();
      if (value != 0) {
        out.put((String) pairs[i], value);
      }
    }
    return out;
  }
}
