package cn.gov.jx.majorprojects.support.config;

import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The region tree and the jurisdiction check, for every component. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformSupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  RegionTree regionTree() {
    return RegionTree.bundled();
  }

  @Bean
  @ConditionalOnMissingBean
  Jurisdiction jurisdiction(RegionTree regionTree) {
    return new Jurisdiction(regionTree);
  }
}
