package cn.gov.jx.majorprojects.notifications.event;

import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** An event as received ({@link EventEnvelope}, contract 3), its type known to this service. */
public record InboundEvent(
    String eventId,
    String source,
    EventType type,
    Instant occurredAt,
    Long sequence,
    String actor,
    Subject subject,
    Map<String, Object> details) {

  public InboundEvent {
    details = details == null ? Map.of() : details;
  }

  /** The envelope with its type resolved; 400 naming {@code type} for a type not known here. */
  static InboundEvent of(EventEnvelope envelope) {
    EventType type =
        Arrays.stream(EventType.values())
            .filter(t -> t.name().equals(envelope.type()))
            .findFirst()
            .orElseThrow(
                () -> BadRequestException.field("type", "invalid value: " + envelope.type()));
    return new InboundEvent(
        envelope.eventId(),
        envelope.source(),
        type,
        envelope.occurredAt(),
        envelope.sequence(),
        envelope.actor(),
        envelope.subject(),
        envelope.details());
  }
}
