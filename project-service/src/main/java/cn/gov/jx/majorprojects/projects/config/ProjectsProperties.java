package cn.gov.jx.majorprojects.projects.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of project-service ({@code projects.*}). The Feign clients, the demo loader and the
 * warnings job name them in their annotations; binding them here checks them at start.
 *
 * @param notificationUrl notification-service, where project events go (contract 3)
 * @param issueUrl issue-service, asked for the dashboard's coordination figure (contract 2)
 * @param demoData load the deterministic Jiangxi demo set once after start
 * @param warnings the daily recomputation of every project's warning
 * @param reportChase the daily reminders of missing monthly reports
 * @param outboxRelayDelay how often the outbox relays look for undelivered events
 * @param doubleHalfCron when the 双过半 check runs (Asia/Shanghai)
 */
@ConfigurationProperties("projects")
public record ProjectsProperties(
    @DefaultValue("http://localhost:8083") URI notificationUrl,
    @DefaultValue("http://localhost:8082") URI issueUrl,
    @DefaultValue("false") boolean demoData,
    @DefaultValue Warnings warnings,
    @DefaultValue ReportChase reportChase,
    @DefaultValue("5s") Duration outboxRelayDelay,
    @DefaultValue("0 20 0 * * *") String doubleHalfCron) {

  /**
   * @param cron when every warning is recomputed (Asia/Shanghai); dates move the light
   */
  public record Warnings(@DefaultValue("0 10 0 * * *") String cron) {}

  /**
   * @param cron when missing reports are chased (Asia/Shanghai); non-working days send nothing
   */
  public record ReportChase(@DefaultValue("0 0 9 * * *") String cron) {}
}
