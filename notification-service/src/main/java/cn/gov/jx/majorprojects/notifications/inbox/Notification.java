package cn.gov.jx.majorprojects.notifications.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One in-app notification of one recipient; one per (event, recipient), whatever the retries. */
@Document("notifications")
@CompoundIndex(name = "event_recipient", def = "{'eventId': 1, 'recipient': 1}", unique = true)
@CompoundIndex(name = "inbox", def = "{'recipient': 1, 'read': 1, 'createdAt': -1}")
// what the replicas' stream feeds read: the notifications created since their last look
@CompoundIndex(name = "created", def = "{'createdAt': 1, 'recipient': 1}")
public record Notification(
    @Id String id,
    String eventId,
    String recipient,
    String type,
    String textZh,
    String textEn,
    String subjectKind,
    String subjectId,
    String subjectNumber,
    String projectId,
    String link,
    boolean read,
    Instant occurredAt,
    Instant createdAt) {}
