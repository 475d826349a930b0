package cn.gov.jx.majorprojects.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How far the outbox relays of a service are behind: {@code outbox_backlog_events} (events written
 * and not yet delivered, over the collections given) and {@code outbox_oldest_event_age_seconds}
 * (now minus the oldest waiting event's {@code occurredAt}, 0 when none waits). {@link #count()} is
 * one aggregation per collection over the documents with an outbox (index {@code outbox.eventId}),
 * run by a periodic refresh; a scrape only reads the last count (the age grows with the clock).
 */
public final class OutboxBacklog {

  private final MongoTemplate mongo;
  private final List<String> collections;
  private final Clock clock;

  private volatile long events;
  private volatile Instant oldest;

  public OutboxBacklog(
      MongoTemplate mongo, List<String> collections, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.collections = List.copyOf(collections);
    this.clock = clock;
    Gauge.builder("outbox.backlog.events", this, b -> b.events)
        .description("events written into an outbox and not yet delivered")
        .register(registry);
    Gauge.builder("outbox.oldest.event.age.seconds", this, OutboxBacklog::oldestAgeSeconds)
        .description("age of the oldest undelivered outbox event (0 when none waits)")
        .register(registry);
  }

  /** Counts the waiting events now. */
  public void count() {
    long total = 0;
    Instant first = null;
    for (String collection : collections) {
      Document figures =
          mongo
              .getCollection(collection)
              .aggregate(
                  List.of(
                      new Document(
                          "$match", new Document("outbox.eventId", new Document("$exists", true))),
                      new Document("$unwind", "$outbox"),
                      new Document(
                          "$group",
                          new Document("_id", null)
                              .append("events", new Document("$sum", 1))
                              .append("oldest", new Document("$min", "$outbox.occurredAt")))))
              .first();
      if (figures == null) {
        continue;
      }
      total += ((Number) figures.get("events")).longValue();
      if (figures.get("oldest") instanceof Date date
          && (first == null || date.toInstant().isBefore(first))) {
        first = date.toInstant();
      }
    }
    events = total;
    oldest = first;
  }

  private double oldestAgeSeconds() {
    Instant first = oldest;
    return first == null
        ? 0
        : Math.max(0, Duration.between(first, clock.instant()).toMillis() / 1000.0);
  }
}
