package cn.gov.jx.majorprojects.issues.outbox;

import cn.gov.jx.majorprojects.issues.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.issues.client.project.Projects;
import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The issues' outbox: events written with each change of a case, delivered by the platform's relay
 * every {@code issues.relay-interval} (claim lease {@code issues.relay-lease}) to
 * notification-service and, for a case tied to milestones, first to project-service ({@link
 * BlockerRelay}).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  @Bean
  OutboxRelay issueOutboxRelay(
      MongoTemplate mongo,
      NotificationClient notifications,
      Projects projects,
      IssuesProperties properties,
      Clock clock) {
    return new OutboxRelay(
        mongo,
        "issues",
        new BlockerRelay(projects, notifications::send),
        properties.relayLease(),
        properties.batchSize(),
        properties.relayInterval(),
        clock);
  }
}
