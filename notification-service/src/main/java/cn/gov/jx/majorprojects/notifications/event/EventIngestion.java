package cn.gov.jx.majorprojects.notifications.event;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryPlanner;
import cn.gov.jx.majorprojects.notifications.event.StoredEvent.State;
import cn.gov.jx.majorprojects.notifications.inbox.Inbox;
import cn.gov.jx.majorprojects.notifications.recipient.RecipientPolicy;
import cn.gov.jx.majorprojects.notifications.recipient.UserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Stores each event once and applies the events of one subject in sequence order. Rule: the first
 * event seen for a subject is applied at once; after that an event whose predecessor (sequence - 1)
 * has not been applied waits, and is applied when the predecessor arrives or, at the latest, after
 * {@code notifications.events.gap-timeout} (a lost predecessor must not silence the subject).
 */
@Service
public class EventIngestion {

  private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);

  /** What the sender learns: new, or already known. */
  public enum Outcome {
    ACCEPTED,
    DUPLICATE
  }

  private final MongoTemplate mongo;
  private final RecipientPolicy policy;
  private final UserDirectory directory;
  private final Inbox inbox;
  private final DeliveryPlanner deliveries;
  private final Clock clock;
  private final NotificationProperties.Events settings;

  EventIngestion(
      MongoTemplate mongo,
      RecipientPolicy policy,
      UserDirectory directory,
      Inbox inbox,
      DeliveryPlanner deliveries,
      Clock clock,
      NotificationProperties properties) {
    this.mongo = mongo;
    this.policy = policy;
    this.directory = directory;
    this.inbox = inbox;
    this.deliveries = deliveries;
    this.clock = clock;
    this.settings = properties.events();
  }

  public Outcome ingest(InboundEvent event) {
    StoredEvent stored =
        new StoredEvent(
            null,
            event.eventId(),
            event.subject().key(),
            event.sequence(),
            State.WAITING,
            event,
            clock.instant(),
            null);
    try {
      mongo.insert(stored);
    } catch (DuplicateKeyException known) {
      return Outcome.DUPLICATE;
    }
    try {
      applyReady(stored.subjectKey(), false);
    } catch (RuntimeException e) {
      // stored: the sweep applies it later (e.g. Keycloak briefly unreachable)
      log.warn("event {} stored, not yet applied: {}", event.eventId(), e.toString());
    }
    return Outcome.ACCEPTED;
  }

  /** Applies waiting events of a subject while the next one in sequence is there. */
  void applyReady(String subjectKey, boolean gapExpired) {
    while (true) {
      SubjectCursor cursor = mongo.findById(subjectKey, SubjectCursor.class);
      Query next =
          Query.query(Criteria.where("subjectKey").is(subjectKey).and("state").is(State.WAITING))
              .with(Sort.by("sequence"))
              .limit(1);
      StoredEvent candidate = mongo.findOne(next, StoredEvent.class);
      if (candidate == null) {
        return;
      }
      boolean inOrder = cursor == null || candidate.sequence() <= cursor.applied() + 1;
      boolean overdue =
          gapExpired
              && candidate.receivedAt().isBefore(clock.instant().minus(settings.gapTimeout()));
      if (!inOrder && !overdue) {
        return;
      }
      apply(candidate);
    }
  }

  private void apply(StoredEvent stored) {
    InboundEvent event = stored.event();
    // issue-service's daily reminder of a red case goes to whoever holds it, no one else
    Set<String> recipients =
        event.type() == EventType.RED_REMINDER
            ? policy.holders(event.subject(), directory)
            : policy.recipients(event, directory);
    inbox.deliver(event, recipients);
    deliveries.plan(event, recipients);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(stored.id())),
        new Update().set("state", State.APPLIED).set("appliedAt", clock.instant()),
        StoredEvent.class);
    // the cursor only moves forward: a lower sequence finds no match, and its upsert hits the key
    try {
      mongo.upsert(
          Query.query(
              Criteria.where("_id").is(stored.subjectKey()).and("applied").lt(stored.sequence())),
          Update.update("applied", stored.sequence()),
          SubjectCursor.class);
    } catch (DuplicateKeyException alreadyFurther) {
      // a later event of this subject was applied first (gap timeout): keep its position
    }
  }

  /** Retries what could not be applied and lets overdue gaps go. */
  @Scheduled(
      fixedDelayString = "${notifications.events.sweep-interval:5s}",
      initialDelayString = "${notifications.events.sweep-interval:5s}")
  public void sweep() {
    List<String> subjects =
        mongo.findDistinct(
            Query.query(Criteria.where("state").is(State.WAITING)),
            "subjectKey",
            StoredEvent.class,
            String.class);
    for (String subject : subjects) {
      try {
        applyReady(subject, true);
      } catch (RuntimeException e) {
        log.warn("events of {} still waiting: {}", subject, e.toString());
      }
    }
  }
}
