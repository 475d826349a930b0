package cn.gov.jx.majorprojects.notifications.metrics;

import cn.gov.jx.majorprojects.notifications.delivery.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code notifications_deliveries_dead{channel}}: deliveries DEAD now (given up, not sent again by
 * an admin), a count per channel on the {@code status} index; {@code
 * notifications_ingestion_lag_seconds}: how long the oldest received event that is not applied yet
 * has been on its way since its source wrote it (0 when every event is applied; a scrape adds the
 * time since the count). Recounted periodically, never per scrape.
 */
class DeliveryCounts {

  // the documents of delivery/Delivery and event/StoredEvent, read here as raw documents
  static final String DELIVERIES = "deliveries";
  static final String EVENTS = "events";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Map<Channel, AtomicLong> dead = new EnumMap<>(Channel.class);
  private volatile Instant oldestWaiting;

  DeliveryCounts(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.clock = clock;
    for (Channel channel : Channel.values()) {
      AtomicLong value = new AtomicLong();
      dead.put(channel, value);
      Gauge.builder("notifications.deliveries.dead", value, AtomicLong::get)
          .description("deliveries given up (DEAD) and not sent again")
          .tag("channel", channel.name())
          .register(registry);
    }
    Gauge.builder("notifications.ingestion.lag.seconds", this, DeliveryCounts::lagSeconds)
        .description("age since written of the oldest received event not yet applied (0: none)")
        .register(registry);
  }

  /** Counts now. */
  void count() {
    dead.forEach(
        (channel, value) ->
            value.set(
                mongo
                    .getCollection(DELIVERIES)
                    .countDocuments(
                        new Document("status", "DEAD").append("channel", channel.name()))));
    Document oldest =
        mongo
            .getCollection(EVENTS)
            .find(new Document("state", "WAITING"))
            .sort(new Document("event.occurredAt", 1))
            .limit(1)
            .first();
    oldestWaiting =
        oldest != null
                && oldest.get("event") instanceof Document event
                && event.get("occurredAt") instanceof Date at
            ? at.toInstant()
            : null;
  }

  private double lagSeconds() {
    Instant oldest = oldestWaiting;
    return oldest == null
        ? 0
        : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }
}
