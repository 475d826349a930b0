package cn.gov.jx.majorprojects.projects.outbox;

import cn.gov.jx.majorprojects.projects.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import cn.gov.jx.majorprojects.support.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projects' outbox: events written with each warning change, delivered to notification-service
 * by the platform's relay (claim lease 1 min, back-off 10 s doubling to 1 h, 100 projects a pass).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  static final Duration LEASE = Duration.ofMinutes(1);
  static final int BATCH_SIZE = 100;
  static final Backoff BACKOFF = Backoff.doubling(Duration.ofSeconds(10), Duration.ofHours(1));

  @Bean
  OutboxRelay projectOutboxRelay(
      MongoTemplate mongo, NotificationClient notifications, JsonMapper json, Clock clock) {
    TypeReference<Map<String, Object>> asMap = new TypeReference<>() {};
    // the client takes the event as JSON fields: the envelope's own JSON, unchanged
    OutboxRelay.Sender sender = event -> notifications.send(json.convertValue(event, asMap));
    return new OutboxRelay(mongo, "projects", sender, LEASE, BATCH_SIZE, BACKOFF, clock);
  }

  @Bean
  RelaySchedule projectOutboxSchedule(OutboxRelay relay) {
    return new RelaySchedule(relay);
  }

  /** Runs the relay on its timer. */
  record RelaySchedule(OutboxRelay relay) {

    @Scheduled(fixedDelayString = "${projects.outbox-relay-delay:5000}")
    void run() {
      relay.relay();
    }
  }
}
