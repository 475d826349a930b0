package cn.gov.jx.majorprojects.projects.outbox;

import cn.gov.jx.majorprojects.projects.client.notification.NotificationClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the events waiting in projects' outboxes to notification-service and removes each only
 * after a 2xx; a failure backs off exponentially (10 s doubling, at most 1 h) and tries again.
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  private static final Duration LAST_RETRY = Duration.ofHours(1);

  private final MongoTemplate mongo;
  private final NotificationClient notifications;
  private final Clock clock;

  OutboxRelay(MongoTemplate mongo, NotificationClient notifications, Clock clock) {
    this.mongo = mongo;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${projects.outbox-relay-delay:5000}")
  void relay() {
    Query pending = Query.query(Criteria.where("outbox.0").exists(true)).limit(100);
    pending.fields().include("outbox");
    for (Document project : mongo.find(pending, Document.class, "projects")) {
      for (Document event : project.getList("outbox", Document.class, List.of())) {
        deliver(project.get("_id"), event);
      }
    }
  }

  private void deliver(Object projectId, Document event) {
    Instant now = clock.instant();
    Object due = event.get("nextAttemptAt");
    if (due instanceof java.util.Date date && date.toInstant().isAfter(now)) {
      return;
    }
    String eventId = event.getString("eventId");
    Map<String, Object> body = new java.util.LinkedHashMap<>(event);
    body.remove("attempts");
    body.remove("nextAttemptAt");
    Query one = Query.query(Criteria.where("_id").is(projectId).and("outbox.eventId").is(eventId));
    try {
      notifications.send(body);
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(projectId)),
          new Update().pull("outbox", new Document("eventId", eventId)),
          "projects");
    } catch (RuntimeException e) {
      int attempts = event.getInteger("attempts", 0) + 1;
      Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
      wait = wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
      mongo.updateFirst(
          one,
          new Update()
              .set("outbox.$.attempts", attempts)
              .set("outbox.$.nextAttemptAt", java.util.Date.from(now.plus(wait))),
          "projects");
      log.warn("event {} not delivered (attempt {}): {}", eventId, attempts, e.toString());
    }
  }
}
