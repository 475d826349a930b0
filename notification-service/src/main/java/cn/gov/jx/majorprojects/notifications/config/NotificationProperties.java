package cn.gov.jx.majorprojects.notifications.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of notification-service, under {@code notifications.*}. */
@ConfigurationProperties("notifications")
public record NotificationProperties(
    Keycloak keycloak, Events events, Webhook webhook, Deliveries deliveries, Mail mail, Sms sms) {

  public NotificationProperties {
    keycloak = keycloak == null ? new Keycloak(null, null, null) : keycloak;
    events = events == null ? new Events(null, null) : events;
    webhook = webhook == null ? new Webhook(null, false, null) : webhook;
    deliveries = deliveries == null ? new Deliveries(0, null, null, 0) : deliveries;
    mail = mail == null ? new Mail(false, null) : mail;
    sms = sms == null ? new Sms(false, null, null, null, null) : sms;
  }

  /** Keycloak's Admin REST API, where recipients come from. */
  public record Keycloak(String adminUrl, String realm, Duration cacheTtl) {
    public Keycloak {
      adminUrl = adminUrl == null ? "http://localhost:8180" : adminUrl;
      realm = realm == null ? "majorprojects" : realm;
      cacheTtl = cacheTtl == null ? Duration.ofSeconds(60) : cacheTtl;
    }
  }

  /** Ordering of events of one subject. */
  public record Events(Duration gapTimeout, Duration sweepInterval) {
    public Events {
      gapTimeout = gapTimeout == null ? Duration.ofSeconds(30) : gapTimeout;
      sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    }
  }

  /**
   * Outgoing webhooks: on/off for the platform, the time a robot may take, and hosts an operator
   * allows even though they resolve to internal addresses.
   */
  public record Webhook(List<String> allowedHosts, boolean enabled, Duration timeout) {
    public Webhook {
      allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
  }

  /** Outbound delivery retries: at most {@code maxAttempts} tries, back-off doubling from base. */
  public record Deliveries(int maxAttempts, Duration baseDelay, Duration lease, int batchSize) {
    public Deliveries {
      maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
      baseDelay = baseDelay == null ? Duration.ofSeconds(15) : baseDelay;
      lease = lease == null ? Duration.ofMinutes(2) : lease;
      batchSize = batchSize <= 0 ? 20 : batchSize;
    }
  }

  /** E-mail over SMTP (server settings under {@code spring.mail.*}). */
  public record Mail(boolean enabled, String from) {
    public Mail {
      from = from == null ? "noreply@majorprojects.local" : from;
    }
  }

  /** SMS through an HTTP provider: JSON POST to {@code url} with the key and template. */
  public record Sms(boolean enabled, String url, String apiKey, String template, Duration timeout) {
    public Sms {
      template = template == null ? "MP_NOTICE" : template;
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
  }
}
