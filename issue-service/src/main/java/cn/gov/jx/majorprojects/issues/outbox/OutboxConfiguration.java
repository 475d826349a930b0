package cn.gov.jx.majorprojects.issues.outbox;

import cn.gov.jx.majorprojects.issues.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import cn.gov.jx.majorprojects.support.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The issues' outbox: events written with each change of a case, delivered to notification-service
 * by the platform's relay (claim lease {@code issues.relay-lease}, back-off 10 s doubling to 1 h).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  static final Backoff BACKOFF = Backoff.doubling(Duration.ofSeconds(10), Duration.ofHours(1));

  @Bean
  OutboxRelay issueOutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      IssuesProperties properties,
      Clock clock) {
    return new OutboxRelay(
        mongo,
        "issues",
        notifications::send,
        properties.relayLease(),
        properties.batchSize(),
        BACKOFF,
        clock);
  }

  @Bean
  RelaySchedule issueOutboxSchedule(OutboxRelay relay) {
    return new RelaySchedule(relay);
  }

  /** Runs the relay on its timer (off in tests, which drive it). */
  record RelaySchedule(OutboxRelay relay) {

    @Scheduled(fixedDelayString = "${issues.relay-interval:PT5S}")
    void run() {
      relay.relay();
    }
  }
}
