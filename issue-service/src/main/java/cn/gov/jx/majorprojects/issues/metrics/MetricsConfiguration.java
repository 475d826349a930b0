package cn.gov.jx.majorprojects.issues.metrics;

import cn.gov.jx.majorprojects.support.metrics.PeriodicRefresh;
import cn.gov.jx.majorprojects.support.outbox.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The business gauges that are counts (open and overdue cases, the outbox backlog), recounted every
 * {@code issues.metrics.refresh-interval} where scheduling is on; the counters are kept on write
 * ({@link CaseMetrics}, {@link SweepMetrics}). deploy/observability/METRICS.md lists them all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {

  @Bean
  OpenCases openCases(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
    return new OpenCases(mongo, clock, registry);
  }

  @Bean
  OutboxBacklog issueOutboxBacklog(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
    return new OutboxBacklog(mongo, List.of("issues"), clock, registry);
  }

  @Bean
  PeriodicRefresh issueMetricsRefresh(
      MetricsProperties properties, OpenCases openCases, OutboxBacklog backlog) {
    return new PeriodicRefresh(
        properties.refreshInterval(), List.of(openCases::count, backlog::count));
  }
}
