package cn.gov.jx.majorprojects.issues.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often the business gauges that are counts are recounted ({@code issues.metrics.*}). */
@ConfigurationProperties("issues.metrics")
public record MetricsProperties(Duration refreshInterval) {

  public MetricsProperties {
    refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
  }
}
