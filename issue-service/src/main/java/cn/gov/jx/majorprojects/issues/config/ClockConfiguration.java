package cn.gov.jx.majorprojects.issues.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuesProperties.class)
class ClockConfiguration {

  // one clock bean so tests can move time to check deadlines and colours
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
