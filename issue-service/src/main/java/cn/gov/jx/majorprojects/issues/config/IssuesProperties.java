package cn.gov.jx.majorprojects.issues.config;

import java.time.Duration;
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
    int batchSize) {}
