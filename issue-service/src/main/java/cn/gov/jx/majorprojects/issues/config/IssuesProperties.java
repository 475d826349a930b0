package cn.gov.jx.majorprojects.issues.config;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of issue-service ({@code issues.*}). */
@ConfigurationProperties("issues")
public record IssuesProperties(
    String projectServiceUrl,
    String notificationServiceUrl,
    boolean schedulingEnabled,
    Duration sweepInterval,
    Duration relayInterval,
    Duration relayLease,
    int batchSize,
    Reminders reminders) {

  public IssuesProperties {
    reminders = reminders == null ? new Reminders(0, null) : reminders;
  }

  /**
   * The daily "still red" reminder: from {@code at} local time (Asia/Shanghai), at most {@code
   * maxCount} per case.
   */
  public record Reminders(int maxCount, LocalTime at) {
    public Reminders {
      maxCount = maxCount <= 0 ? 10 : maxCount;
      at = at == null ? LocalTime.of(9, 0) : at;
    }
  }
}
