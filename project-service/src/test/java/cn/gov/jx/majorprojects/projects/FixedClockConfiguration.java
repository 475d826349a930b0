package cn.gov.jx.majorprojects.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** "Today" is 2026-11-26 10:00 in Nanchang for full-context tests (one shared context). */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

  public static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
  }
}
