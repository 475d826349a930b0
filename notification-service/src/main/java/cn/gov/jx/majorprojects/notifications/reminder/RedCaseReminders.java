package cn.gov.jx.majorprojects.notifications.reminder;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.DeliveryPlanner;
import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.event.InboundEvent;
import cn.gov.jx.majorprojects.notifications.event.RedCaseListener;
import cn.gov.jx.majorprojects.notifications.inbox.Inbox;
import cn.gov.jx.majorprojects.notifications.recipient.RecipientPolicy;
import cn.gov.jx.majorprojects.notifications.recipient.UserDirectory;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.SubjectKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Red-case reminders. Rule: an issue that turned red (TURNED_RED) is recalled to the coordinators
 * of the region holding it at that moment (escalations and returns move it; the latest event's
 * {@code handlingRegion} counts) once per working day from the next working day on, at the
 * configured local time, at most {@code max-count} times, until it is CLOSED; while it is RESOLVED
 * (waiting for the reporter) it is not recalled. Safe with several replicas: a day's reminder is
 * claimed by one conditional update.
 */
@Component
public class RedCaseReminders implements RedCaseListener {

  private static final Logger log = LoggerFactory.getLogger(RedCaseReminders.class);
  private static final Set<EventType> CLOSING = EnumSet.of(EventType.CLOSED);

  private final MongoTemplate mongo;
  private final RecipientPolicy policy;
  private final UserDirectory directory;
  private final Inbox inbox;
  private final DeliveryPlanner deliveries;
  private final Clock clock;
  private final NotificationProperties.Reminders settings;
  private final WorkingDays workingDays;
  private final ZoneId zone;

  RedCaseReminders(
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
    this.settings = properties.reminders();
    this.workingDays =
        new WorkingDays(
            new HashSet<>(settings.holidays()), new HashSet<>(settings.extraWorkingDays()));
    this.zone = ZoneId.of(settings.zone());
  }

  /** Keeps the red cases in step with the issue's events (applied in sequence order). */
  @Override
  public void applied(InboundEvent event) {
    if (event.subject().kind() != SubjectKind.ISSUE) {
      return;
    }
    String issueId = event.subject().id();
    Query byId = Query.query(Criteria.where("_id").is(issueId));
    Instant now = clock.instant();
    if (event.type() == EventType.TURNED_RED) {
      mongo.upsert(
          byId,
          new Update()
              .set("subject", event.subject())
              .set("open", true)
              .set("updatedAt", now)
              .setOnInsert("remindersSent", 0)
              .setOnInsert("redOn", event.occurredAt().atZone(zone).toLocalDate().toString()),
          RedCase.class);
    } else if (CLOSING.contains(event.type())) {
      mongo.updateFirst(byId, new Update().set("open", false).set("updatedAt", now), RedCase.class);
    } else {
      // a known red case follows its issue: the region holding it, its status
      mongo.updateFirst(
          byId, new Update().set("subject", event.subject()).set("updatedAt", now), RedCase.class);
    }
  }

  @Scheduled(
      fixedDelayString = "${notifications.reminders.interval:10m}",
      initialDelayString = "${notifications.reminders.interval:10m}")
  void poll() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("red-case reminders failed: {}", e.toString());
    }
  }

  /** Sends today's reminders that are due; answers how many cases were recalled. */
  public int runOnce() {
    ZonedDateTime local = clock.instant().atZone(zone);
    LocalDate today = local.toLocalDate();
    if (!workingDays.isWorkingDay(today) || local.toLocalTime().isBefore(settings.at())) {
      return 0;
    }
    String day = today.toString();
    Query due =
        Query.query(
            Criteria.where("open")
                .is(true)
                .and("remindersSent")
                .lt(settings.maxCount())
                .and("lastRemindedOn")
                .ne(day)
                .and("redOn")
                .ne(day));
    int sent = 0;
    for (RedCase red : mongo.find(due, RedCase.class)) {
      if ("RESOLVED".equals(red.subject().status())) {
        continue;
      }
      // recipients first: a failure here leaves the day's reminder for the next run
      Set<String> holders = policy.holders(red.subject(), directory);
      var claimed =
          mongo.updateFirst(
              Query.query(
                  Criteria.where("_id")
                      .is(red.issueId())
                      .and("open")
                      .is(true)
                      .and("remindersSent")
                      .is(red.remindersSent())),
              new Update().set("lastRemindedOn", day).inc("remindersSent", 1),
              RedCase.class);
      if (claimed.getModifiedCount() == 0) {
        continue;
      }
      int number = red.remindersSent() + 1;
      InboundEvent reminder =
          new InboundEvent(
              "reminder:" + red.issueId() + ":" + day,
              "notification-service",
              EventType.RED_REMINDER,
              clock.instant(),
              (long) number,
              null,
              red.subject(),
              Map.of("reminder", number, "of", settings.maxCount()));
      inbox.deliver(reminder, holders);
      deliveries.plan(reminder, holders);
      sent++;
    }
    return sent;
  }
}
