package cn.gov.jx.majorprojects.notifications.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient on one outside channel, with its retry state. Unique per (event,
 * recipient, channel) so re-applying an event never plans a second one.
 */
@Document("deliveries")
@CompoundIndex(
    name = "event_recipient_channel",
    def = "{'eventId': 1, 'recipient': 1, 'channel': 1}",
    unique = true)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "by_status", def = "{'status': 1, 'createdAt': -1}")
record Delivery(
    @Id String id,
    String eventId,
    String recipient,
    Channel channel,
    String type,
    String subjectId,
    String address,
    String secret,
    String subject,
    String body,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String claimedBy,
    Instant createdAt,
    Instant sentAt) {

  enum Status {
    /** Not tried yet (or sent back by an admin). */
    PENDING,
    /** Tried and failed; tried again at nextAttemptAt. */
    FAILED,
    SENT,
    /** Gave up after the last try; an admin may send it back to PENDING. */
    DEAD
  }

  OutboundMessage message() {
    return new OutboundMessage(address, secret, subject, body);
  }
}
