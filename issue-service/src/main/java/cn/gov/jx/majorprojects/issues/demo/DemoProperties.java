package cn.gov.jx.majorprojects.issues.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo cases ({@code issues.demo.*}): loaded once at start-up when {@code enabled}, after
 * project-service lists the demo owners' projects (asked every {@code retryInterval}, for at most
 * {@code patience}).
 */
@ConfigurationProperties("issues.demo")
record DemoProperties(boolean enabled, Duration retryInterval, Duration patience) {

  DemoProperties {
    retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
    patience = patience == null ? Duration.ofMinutes(30) : patience;
  }
}
