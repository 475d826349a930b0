package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the events waiting in issues' outboxes to notification-service, in order per issue. A
 * replica first claims an issue's outbox by a conditional update of {@code claimedUntil}, so
 * several replicas never send the same event at once; an event is removed only after a 2xx; a
 * failure keeps it and backs off (10 s doubling, at most 1 h) through the same field.
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  static final Duration LAST_RETRY = Duration.ofHours(1);

  private final MongoTemplate mongo;
  private final NotificationClient notifications;
  private final IssuesProperties properties;
  private final Clock clock;

  OutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      IssuesProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${issues.relay-interval:PT5S}")
  void scheduled() {
    relay();
  }

  /** One pass over the issues with waiting events; answers how many events were delivered. */
  int relay() {
    Instant now = clock.instant();
    Query pending =
        Query.query(
                new Criteria()
                    .andOperator(Criteria.where("outbox.eventId").exists(true), free(now)))
            .limit(properties.batchSize());
    pending.fields().include("_id");
    int delivered = 0;
    for (Document issue : mongo.find(pending, Document.class, "issues")) {
      delivered += relayOne(issue.get("_id"), now);
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
    claim.fields().include("outbox").include("outboxAttempts").include("number");
    Issue claimed =
        mongo.findAndModify(
            claim,
            new Update().set("claimedUntil", now.plus(properties.relayLease())),
            FindAndModifyOptions.options().returnNew(true),
            Issue.class);
    if (claimed == null) {
      return 0; // another replica holds it, or it waits for a retry
    }
    Query one = Query.query(Criteria.where("_id").is(id));
    int delivered = 0;
    for (OutboxEvent event : List.copyOf(claimed.outbox)) {
      try {
        notifications.send(event);
      } catch (RuntimeException e) {
        int attempts = claimed.outboxAttempts + 1;
        Duration wait = backOff(attempts);
        mongo.updateFirst(
            one,
            new Update().set("claimedUntil", now.plus(wait)).set("outboxAttempts", attempts),
            Issue.class);
        log.warn(
            "event {} of issue {} not delivered (attempt {}, next in {}): {}",
            event.eventId(),
            claimed.number,
            attempts,
            wait,
            e.toString());
        return delivered;
      }
      mongo.updateFirst(
          one, new Update().pull("outbox", new Document("eventId", event.eventId())), Issue.class);
      delivered++;
    }
    mongo.updateFirst(
        one, new Update().unset("claimedUntil").set("outboxAttempts", 0), Issue.class);
    return delivered;
  }

  static Duration backOff(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
  }
}
