package cn.gov.jx.majorprojects.issues.outbox;

import cn.gov.jx.majorprojects.issues.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The issues' outbox: events written with each change of a case, delivered to notification-service
 * by the platform's relay every {@code issues.relay-interval} (claim lease {@code
 * issues.relay-lease}).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

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
        properties.relayInterval(),
        clock);
  }
}
