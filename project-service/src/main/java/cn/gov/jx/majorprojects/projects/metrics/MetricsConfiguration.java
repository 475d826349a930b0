package cn.gov.jx.majorprojects.projects.metrics;

import cn.gov.jx.majorprojects.projects.dashboard.RollupLag;
import cn.gov.jx.majorprojects.projects.project.ReportStates;
import cn.gov.jx.majorprojects.support.metrics.PeriodicRefresh;
import cn.gov.jx.majorprojects.support.outbox.OutboxBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The business metrics of project-service (deploy/observability/METRICS.md): projects by status and
 * light, reports missing and the outbox backlog, recounted every {@code
 * projects.metrics.refresh-interval}; the roll-up lag kept on write ({@link RollupLag}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {

  @Bean
  ProjectCounts projectCounts(
      MongoTemplate mongo, ReportStates reportStates, MeterRegistry registry) {
    return new ProjectCounts(mongo, reportStates, registry);
  }

  @Bean
  Gauge rollupLagGauge(RollupLag lag, MeterRegistry registry) {
    return Gauge.builder("projects.dashboard.rollup.lag.seconds", lag, RollupLag::seconds)
        .description("age of the oldest project change not yet in the dashboard's roll-ups")
        .register(registry);
  }

  @Bean
  PeriodicRefresh projectMetricsRefresh(
      MetricsProperties properties, ProjectCounts counts, OutboxBacklog backlog) {
    return new PeriodicRefresh(
        properties.refreshInterval(), List.of(counts::count, backlog::count));
  }
}
