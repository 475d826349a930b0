package cn.gov.jx.majorprojects.issues.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event for notification-service, in the shape of contract 3. */
public record OutboxEvent(
    String eventId,
    String source,
    String type,
    Instant occurredAt,
    int sequence,
    String actor,
    Subject subject,
    Map<String, String> details) {

  /** The issue as it is after the change. */
  public record Subject(
      String kind,
      String id,
      String number,
      String title,
      String projectId,
      String projectName,
      String projectRegion,
      String urgency,
      String warning,
      boolean supervised,
      String status,
      String level,
      String handlingRegion,
      String reporter,
      String reporterOrg,
      List<String> regionsPassed) {}
}
