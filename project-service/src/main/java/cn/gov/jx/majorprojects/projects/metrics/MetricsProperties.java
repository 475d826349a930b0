package cn.gov.jx.majorprojects.projects.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often the business gauges that are counts are recounted ({@code projects.metrics.*}). */
@ConfigurationProperties("projects.metrics")
public record MetricsProperties(Duration refreshInterval) {

  public MetricsProperties {
    refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
  }
}
