package cn.gov.jx.majorprojects.projects.outbox;

import cn.gov.jx.majorprojects.projects.client.notification.NotificationClient;
import cn.gov.jx.majorprojects.projects.config.ProjectsProperties;
import cn.gov.jx.majorprojects.support.outbox.OutboxBacklog;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outboxes of this service, each delivered to notification-service by platform-support's relay
 * every {@code projects.outbox-relay-delay} (claim lease 1 min, 100 documents a pass): the
 * projects' (events written with each warning change), the progress reports' (returned for
 * correction), the report chases' (reminders of a missing report) and the region alerts' (双过半
 * missed). An event is written into its document's {@code outbox} in the same update as the change
 * it tells of.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  static final Duration LEASE = Duration.ofMinutes(1);
  static final int BATCH_SIZE = 100;

  /** The collections whose documents carry an outbox. */
  static final List<String> OUTBOXES =
      List.of("projects", "progress_reports", "report_chases", ProjectEvents.REGION_ALERTS);

  /** What waits in these outboxes, for the metrics' periodic recount. */
  @Bean
  OutboxBacklog projectOutboxBacklog(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
    return new OutboxBacklog(mongo, OUTBOXES, clock, registry);
  }

  @Bean
  SchedulingConfigurer outboxRelays(
      MongoTemplate mongo,
      NotificationClient notifications,
      JsonMapper json,
      Clock clock,
      ProjectsProperties properties) {
    Duration delay = properties.outboxRelayDelay();
    TypeReference<Map<String, Object>> asMap = new TypeReference<>() {};
    // the client takes the event as JSON fields: the envelope's own JSON, unchanged
    OutboxRelay.Sender sender = event -> notifications.send(json.convertValue(event, asMap));
    List<OutboxRelay> relays =
        OUTBOXES.stream()
            .map(c -> new OutboxRelay(mongo, c, sender, LEASE, BATCH_SIZE, delay, clock))
            .toList();
    return registrar -> relays.forEach(relay -> relay.configureTasks(registrar));
  }
}
