package cn.gov.jx.majorprojects.projects.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the service, in China Standard Time, so tests can fix "today"; and its typed
 * settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectsProperties.class)
class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(ZoneId.of("Asia/Shanghai"));
  }
}
