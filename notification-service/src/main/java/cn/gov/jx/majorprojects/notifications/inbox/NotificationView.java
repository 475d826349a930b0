package cn.gov.jx.majorprojects.notifications.inbox;

import java.time.Instant;

/** A notification as the console shows it. */
record NotificationView(
    String id,
    String type,
    String text,
    String textEn,
    String subjectKind,
    String subjectId,
    String subjectNumber,
    String projectId,
    String link,
    boolean read,
    Instant occurredAt,
    Instant createdAt) {

  static NotificationView of(Notification n) {
    return new NotificationView(
        n.id(),
        n.type(),
        n.textZh(),
        n.textEn(),
        n.subjectKind(),
        n.subjectId(),
        n.subjectNumber(),
        n.projectId(),
        n.link(),
        n.read(),
        n.occurredAt(),
        n.createdAt());
  }
}
