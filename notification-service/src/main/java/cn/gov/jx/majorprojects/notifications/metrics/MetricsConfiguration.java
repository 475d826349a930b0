package cn.gov.jx.majorprojects.notifications.metrics;

import cn.gov.jx.majorprojects.support.metrics.PeriodicRefresh;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The business gauges of notification-service that are counts (dead deliveries, ingestion lag),
 * recounted every {@code notifications.metrics.refresh-interval}; the open streams are read from
 * memory (inbox/OpenStreamsMetric). deploy/observability/METRICS.md lists them all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {

  @Bean
  DeliveryCounts deliveryCounts(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
    return new DeliveryCounts(mongo, clock, registry);
  }

  @Bean
  ExistingSeries existingNotificationSeries() {
    return new ExistingSeries();
  }

  @Bean
  PeriodicRefresh notificationMetricsRefresh(MetricsProperties properties, DeliveryCounts counts) {
    return new PeriodicRefresh(properties.refreshInterval(), List.of(counts::count));
  }
}
