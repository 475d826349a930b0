package cn.gov.jx.majorprojects.notifications.delivery;

import cn.gov.jx.majorprojects.notifications.delivery.Delivery.Status;
import cn.gov.jx.majorprojects.notifications.inbox.Notification;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences;
import cn.gov.jx.majorprojects.notifications.preference.PreferenceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily e-mail digest: when a reader's quiet hours end (07:00 by default, their zone), one
 * e-mail with their notifications of the 24 hours before. Recorded as a delivery with the key
 * {@code digest:<local date>}, so several replicas and repeated runs still make one per day.
 */
@Component
class DailyDigest {

  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
  private static final int MAX_LINES = 200;

  private final MongoTemplate mongo;
  private final PreferenceService preferences;
  private final DeliveryPlanner planner;
  private final Clock clock;

  DailyDigest(
      MongoTemplate mongo, PreferenceService preferences, DeliveryPlanner planner, Clock clock) {
    this.mongo = mongo;
    this.preferences = preferences;
    this.planner = planner;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${notifications.deliveries.digest-interval:5m}",
      initialDelayString = "${notifications.deliveries.digest-interval:5m}")
  void poll() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("daily digest run failed: {}", e.toString());
    }
  }

  /** Records today's digest of every reader whose day has ended; answers how many were new. */
  int runOnce() {
    if (!planner.platformChannels().contains(Channel.EMAIL)) {
      return 0;
    }
    Instant now = clock.instant();
    int made = 0;
    for (NotificationPreferences reader : preferences.digestReaders()) {
      Instant until = reader.quietHours().lastEndBefore(now);
      Instant from = until.minus(Duration.ofDays(1));
      List<Notification> day =
          mongo.find(
              Query.query(
                      Criteria.where("recipient")
                          .is(reader.username())
                          .and("createdAt")
                          .gte(from)
                          .lt(until))
                  .with(Sort.by("createdAt"))
                  .limit(MAX_LINES),
              Notification.class);
      if (day.isEmpty()) {
        continue;
      }
      LocalDate date = until.atZone(ZoneId.of(reader.quietHours().zone())).toLocalDate();
      String subject = "【重大项目协调】" + date + " 通知摘要（" + day.size() + "条）";
      StringBuilder body = new StringBuilder(subject).append("\n\n");
      day.forEach(
          n -> body.append("• ").append(n.textZh()).append("  ").append(n.link()).append('\n'));
      body.append("\nDaily digest ")
          .append(date)
          .append(": ")
          .append(day.size())
          .append(" notifications\n");
      boolean recorded =
          planner.record(
              new Delivery(
                  null,
                  "digest:" + date,
                  reader.username(),
                  Channel.EMAIL,
                  "DAILY_DIGEST",
                  null,
                  reader.channels().email().address(),
                  null,
                  subject,
                  body.toString(),
                  Status.PENDING,
                  0,
                  now,
                  null,
                  null,
                  now,
                  null));
      if (recorded) {
        made++;
      }
    }
    return made;
  }
}
