package cn.gov.jx.majorprojects.notifications.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of notification-service, under {@code notifications.*}. */
@ConfigurationProperties("notifications")
public record NotificationProperties(Keycloak keycloak, Events events, Webhook webhook) {

  public NotificationProperties {
    keycloak = keycloak == null ? new Keycloak(null, null, null) : keycloak;
    events = events == null ? new Events(null, null) : events;
    webhook = webhook == null ? new Webhook(null) : webhook;
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

  /** Outgoing webhooks: hosts an operator allows even though they resolve to internal addresses. */
  public record Webhook(List<String> allowedHosts) {
    public Webhook {
      allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
  }
}
