package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns a timeline entry into the event notification-service receives (contract 3). */
public final class Events {

  static final String SOURCE = "issue-service";

  /**
   * The entry of a change of the milestones held up (project-service, and notification-service).
   */
  public static final String MILESTONES_CHANGED = "MILESTONES_CHANGED";

  /** The detail with the case's milestone ids: present on the events project-service needs. */
  public static final String MILESTONE_IDS = "milestoneIds";

  private Events() {}

  static EventEnvelope of(Issue issue, TimelineEntry entry, Warning warning) {
    Map<String, Object> details = new LinkedHashMap<>(entry.details());
    if (entry.fromRegion() != null) {
      details.put("fromRegion", entry.fromRegion());
    }
    if (entry.toRegion() != null) {
      details.put("toRegion", entry.toRegion());
    }
    // what project-service needs of a blocker tied to milestones (see BlockerRelay)
    if (!issue.milestoneIds.isEmpty() || MILESTONES_CHANGED.equals(entry.type())) {
      details.put(MILESTONE_IDS, List.copyOf(issue.milestoneIds));
      if (issue.dueAt != null) {
        details.put("dueAt", issue.dueAt.toString());
      }
    }
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        SOURCE,
        entry.type(),
        entry.at(),
        (long) entry.sequence(),
        entry.actor(),
        subject(issue, warning),
        details);
  }

  /** The day's "still red" reminder: one per case and day (its id says which). */
  static EventEnvelope reminder(
      Issue issue, int number, int max, String day, Warning warning, Instant now) {
    return new EventEnvelope(
        "reminder:" + issue.id + ":" + day,
        SOURCE,
        "RED_REMINDER",
        now,
        (long) issue.lastEntry().sequence(),
        null,
        subject(issue, warning),
        Map.of("reminder", number, "of", max));
  }

  /** A notice about the case that is no entry of its timeline (a meeting that will take it up). */
  static EventEnvelope notice(
      Issue issue,
      String type,
      String actor,
      Map<String, String> details,
      Warning warning,
      Instant now) {
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        SOURCE,
        type,
        now,
        (long) issue.lastEntry().sequence(),
        actor,
        subject(issue, warning),
        new LinkedHashMap<>(details));
  }

  private static Subject subject(Issue issue, Warning warning) {
    return Subject.issue(
        issue.id,
        issue.number,
        issue.title,
        issue.projectId,
        issue.projectName,
        issue.projectRegion,
        issue.urgency.name(),
        warning.name(),
        issue.supervised,
        issue.status.name(),
        issue.level.name(),
        issue.handlingRegion,
        issue.reporter,
        issue.reporterOrg,
        List.copyOf(issue.regionsPassed));
  }
}
