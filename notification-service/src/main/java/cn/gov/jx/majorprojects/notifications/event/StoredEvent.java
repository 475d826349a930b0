package cn.gov.jx.majorprojects.notifications.event;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An ingested event; the unique event id is what makes redelivery harmless. */
@Document("events")
@CompoundIndex(name = "subject_waiting", def = "{'subjectKey': 1, 'state': 1, 'sequence': 1}")
record StoredEvent(
    @Id String id,
    @Indexed(unique = true) String eventId,
    String subjectKey,
    long sequence,
    State state,
    InboundEvent event,
    Instant receivedAt,
    Instant appliedAt) {

  enum State {
    /** Stored, waiting for its predecessor or for recipients to resolve. */
    WAITING,
    /** Its notifications exist. */
    APPLIED
  }
}
