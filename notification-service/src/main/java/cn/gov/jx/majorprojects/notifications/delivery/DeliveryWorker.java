package cn.gov.jx.majorprojects.notifications.delivery;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.Delivery.Status;
import cn.gov.jx.majorprojects.support.retry.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries. Safe with several replicas: a delivery is claimed by one conditional update
 * (still due → pushed a lease into the future, tries + 1), so only one replica wins it; a replica
 * that dies mid-send leaves it to be claimed again when the lease ends.
 */
@Component
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final List<Status> OPEN = List.of(Status.PENDING, Status.FAILED);

  private final MongoTemplate mongo;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final Clock clock;
  private final MeterRegistry meters;
  private final NotificationProperties.Deliveries settings;
  private final Backoff backoff;
  private final String instance = UUID.randomUUID().toString();

  DeliveryWorker(
      MongoTemplate mongo,
      List<ChannelSender> senders,
      Clock clock,
      MeterRegistry meters,
      NotificationProperties properties) {
    this.mongo = mongo;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.clock = clock;
    this.meters = meters;
    this.settings = properties.deliveries();
    this.backoff =
        Backoff.doubling(settings.baseDelay(), null)
            .withJitter(0.2, () -> ThreadLocalRandom.current().nextDouble());
  }

  @Scheduled(
      fixedDelayString = "${notifications.deliveries.poll-interval:5s}",
      initialDelayString = "${notifications.deliveries.poll-interval:5s}")
  void poll() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("delivery poll failed: {}", e.toString());
    }
  }

  /** Claims and sends what is due now; answers how many this replica tried. */
  int runOnce() {
    Instant now = clock.instant();
    Query due =
        Query.query(Criteria.where("status").in(OPEN).and("nextAttemptAt").lte(now))
            .with(Sort.by("nextAttemptAt"))
            .limit(settings.batchSize());
    int tried = 0;
    for (Delivery candidate : mongo.find(due, Delivery.class)) {
      Delivery claimed = claim(candidate, now);
      if (claimed != null) {
        send(claimed);
        tried++;
      }
    }
    return tried;
  }

  private Delivery claim(Delivery candidate, Instant now) {
    return mongo.findAndModify(
        Query.query(
            Criteria.where("_id")
                .is(candidate.id())
                .and("status")
                .in(OPEN)
                .and("nextAttemptAt")
                .lte(now)),
        new Update()
            .set("nextAttemptAt", now.plus(settings.lease()))
            .set("claimedBy", instance)
            .inc("attempts", 1),
        FindAndModifyOptions.options().returnNew(true),
        Delivery.class);
  }

  private void send(Delivery d) {
    ChannelSender sender = senders.get(d.channel());
    String error = null;
    try {
      if (sender == null) {
        throw new DeliveryFailure("no sender for " + d.channel());
      }
      sender.send(d.message());
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    Instant now = clock.instant();
    Update update = new Update().unset("claimedBy");
    String outcome;
    if (error == null) {
      outcome = "sent";
      update.set("status", Status.SENT).set("sentAt", now).unset("lastError");
      Timer.builder("notifications.delivery.latency")
          .description("from the notification to the provider's acceptance")
          .tag("channel", d.channel().name())
          .register(meters)
          .record(Duration.between(d.createdAt(), now));
    } else if (d.attempts() >= settings.maxAttempts()) {
      outcome = "dead";
      update.set("status", Status.DEAD).set("lastError", truncate(error));
      log.warn(
          "delivery {} ({}) dead after {} tries: {}", d.id(), d.channel(), d.attempts(), error);
    } else {
      outcome = "failed";
      update
          .set("status", Status.FAILED)
          .set("lastError", truncate(error))
          .set("nextAttemptAt", now.plus(backoff.after(d.attempts())));
    }
    // only while our claim holds: a replica that took over after the lease keeps its own result
    mongo.updateFirst(
        Query.query(
            Criteria.where("_id")
                .is(d.id())
                .and("claimedBy")
                .is(instance)
                .and("attempts")
                .is(d.attempts())),
        update,
        Delivery.class);
    Counter.builder("notifications.deliveries")
        .tag("channel", d.channel().name())
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500);
  }
}
