package cn.gov.jx.majorprojects.notifications.event;

import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Events from issue-service and project-service (client-credentials token of {@code services}). */
@RestController
class EventController {

  private final EventIngestion ingestion;

  EventController(EventIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @PostMapping("/internal/events")
  ResponseEntity<EventReceipt> receive(@Valid @RequestBody EventEnvelope envelope) {
    InboundEvent event = InboundEvent.of(envelope);
    var outcome = ingestion.ingest(event);
    HttpStatus status =
        outcome == EventIngestion.Outcome.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(status).body(new EventReceipt(event.eventId(), outcome.name()));
  }

  record EventReceipt(String eventId, String outcome) {}
}
