package cn.gov.jx.majorprojects.support.outbox;

import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Delivers the events waiting in the {@code outbox} arrays of one collection's documents, in order
 * per document. A replica first claims a document's outbox by a conditional update of {@code
 * claimedUntil} (the lease), so several replicas never send the same event at once; an event is
 * removed only after the sender returned; a failure keeps it, stops that document (order is kept)
 * and backs off through the same field, counting {@code outboxAttempts}. A crash after a send and
 * before the removal sends the event again: the receiver is idempotent by {@code eventId}. It runs
 * every {@code interval} where the service has scheduling on; tests call {@link #relay()}.
 */
public class OutboxRelay implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /**
   * After a failed delivery: 10 s, 20 s, then every 30 s. Capped low so that a receiver back after
   * an outage of any length has its waiting events within 30 s (plus one interval); with a cap of
   * an hour the drain after a restart took about as long as the outage had lasted (found by
   * FaultsE2ETests). A poison event costs one call per 30 s.
   */
  public static final Backoff BACKOFF =
      Backoff.doubling(Duration.ofSeconds(10), Duration.ofSeconds(30));

  /** Where the events go; any exception is a failed delivery. */
  public interface Sender {
    void send(EventEnvelope event);
  }

  /** The relay's view of a document with an outbox. */
  static class Pending {
    @Id Object id;
    List<EventEnvelope> outbox = new ArrayList<>();
    int outboxAttempts;
  }

  private final MongoTemplate mongo;
  private final String collection;
  private final Sender sender;
  private final Duration lease;
  private final int batchSize;
  private final Duration interval;
  private final Clock clock;

  public OutboxRelay(
      MongoTemplate mongo,
      String collection,
      Sender sender,
      Duration lease,
      int batchSize,
      Duration interval,
      Clock clock) {
    this.mongo = mongo;
    this.collection = collection;
    this.sender = sender;
    this.lease = lease;
    this.batchSize = batchSize;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(() -> relay(), interval);
  }

  /** One pass over the documents with waiting events; answers how many events were delivered. */
  public int relay() {
    Instant now = clock.instant();
    Query pending =
        Query.query(
                new Criteria()
                    .andOperator(Criteria.where("outbox.eventId").exists(true), free(now)))
            .limit(batchSize);
    pending.fields().include("_id");
    int delivered = 0;
    for (Document document : mongo.find(pending, Document.class, collection)) {
      delivered += relayOne(document.get("_id"), now);
    }
    return delivered;
  }

  private static Criteria free(Instant now) {
    return new Criteria()
        .orOperator(
            Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lte(now));
  }

  private int relayOne(Object id, Instant now) {
    Query claim = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), free(now)));
    claim.fields().include("outbox").include("outboxAttempts");
    Pending claimed =
        mongo.findAndModify(
            claim,
            new Update().set("claimedUntil", now.plus(lease)),
            FindAndModifyOptions.options().returnNew(true),
            Pending.class,
            collection);
    if (claimed == null) {
      return 0; // another replica holds it, or it waits for a retry
    }
    Query one = Query.query(Criteria.where("_id").is(id));
    int delivered = 0;
    for (EventEnvelope event : List.copyOf(claimed.outbox)) {
      try {
        sender.send(event);
      } catch (RuntimeException e) {
        int attempts = claimed.outboxAttempts + 1;
        Duration wait = BACKOFF.after(attempts);
        mongo.updateFirst(
            one,
            new Update().set("claimedUntil", now.plus(wait)).set("outboxAttempts", attempts),
            collection);
        log.warn(
            "event {} of {} {} not delivered (attempt {}, next in {}): {}",
            event.eventId(),
            collection,
            id,
            attempts,
            wait,
            e.toString());
        return delivered;
      }
      mongo.updateFirst(
          one, new Update().pull("outbox", new Document("eventId", event.eventId())), collection);
      delivered++;
    }
    mongo.updateFirst(one, new Update().unset("claimedUntil").set("outboxAttempts", 0), collection);
    return delivered;
  }
}
