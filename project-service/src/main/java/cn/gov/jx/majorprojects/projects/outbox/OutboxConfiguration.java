package cn.gov.jx.majorprojects.projects.outbox;

import cn.gov.jx.majorprojects.projects.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outboxes of this service, delivered to notification-service by the platform's relay every
 * {@code projects.outbox-relay-delay} (claim lease 1 min, 100 documents a pass): the projects'
 * (events written with each warning change), the progress reports' (returned for correction), the
 * report chases' (reminders of a missing report) and the region alerts' (双过半 missed).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  static final Duration LEASE = Duration.ofMinutes(1);
  static final int BATCH_SIZE = 100;

  @Bean
  OutboxRelay projectOutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      JsonMapper json,
      Clock clock,
      @Value("${projects.outbox-relay-delay:5000}") long delayMillis) {
    return relay("projects", mongo, notifications, json, clock, delayMillis);
  }

  @Bean
  OutboxRelay progressReportOutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      JsonMapper json,
      Clock clock,
      @Value("${projects.outbox-relay-delay:5000}") long delayMillis) {
    return relay("progress_reports", mongo, notifications, json, clock, delayMillis);
  }

  @Bean
  OutboxRelay reportChaseOutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      JsonMapper json,
      Clock clock,
      @Value("${projects.outbox-relay-delay:5000}") long delayMillis) {
    return relay("report_chases", mongo, notifications, json, clock, delayMillis);
  }

  /** The same relay over the region alerts (双过半 missed). */
  @Bean
  OutboxRelay regionAlertOutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      JsonMapper json,
      Clock clock,
      @Value("${projects.outbox-relay-delay:5000}") long delayMillis) {
    return relay(ProjectEvents.REGION_ALERTS, mongo, notifications, json, clock, delayMillis);
  }

  private static OutboxRelay relay(
      String collection,
      MongoTemplate mongo,
      NotificationClient notifications,
      JsonMapper json,
      Clock clock,
      long delayMillis) {
    TypeReference<Map<String, Object>> asMap = new TypeReference<>() {};
    // the client takes the event as JSON fields: the envelope's own JSON, unchanged
    OutboxRelay.Sender sender = event -> notifications.send(json.convertValue(event, asMap));
    return new OutboxRelay(
        mongo, collection, sender, LEASE, BATCH_SIZE, Duration.ofMillis(delayMillis), clock);
  }
}
