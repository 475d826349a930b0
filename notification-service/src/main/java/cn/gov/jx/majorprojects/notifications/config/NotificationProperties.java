package cn.gov.jx.majorprojects.notifications.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of notification-service, under {@code notifications.*}. */
@ConfigurationProperties("notifications")
public record NotificationProperties(Keycloak keycloak, Events events) {

  public NotificationProperties {
    keycloak = keycloak == null ? new Keycloak(null, null, null) : keycloak;
    events = events == null ? new Events(null, null) : events;
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
}
