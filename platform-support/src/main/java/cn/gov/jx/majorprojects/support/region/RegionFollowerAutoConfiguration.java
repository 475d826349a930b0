package cn.gov.jx.majorprojects.support.region;

import cn.gov.jx.majorprojects.support.client.AnswerLimit;
import cn.gov.jx.majorprojects.support.client.ServiceToken;
import cn.gov.jx.majorprojects.support.client.ServiceTokenAutoConfiguration;
import cn.gov.jx.majorprojects.support.config.PlatformSupportAutoConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * In a service that names the tree's owner ({@code platform.regions.owner-url}), the region tree
 * follows the owner's; elsewhere it is the bundled one (or, in project-service, its own catalog).
 */
@AutoConfiguration(
    after = {PlatformSupportAutoConfiguration.class, ServiceTokenAutoConfiguration.class})
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(RegionSettings.class)
public class RegionFollowerAutoConfiguration {

  @Bean
  @ConditionalOnBean(ServiceToken.class)
  @ConditionalOnExpression("!'${platform.regions.owner-url:}'.isBlank()")
  RegionTreeFollower regionTreeFollower(
      RegionTree tree,
      ServiceToken token,
      RegionSettings settings,
      ObjectProvider<RestClient.Builder> builders,
      Environment environment) {
    var timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(Duration.ofSeconds(2));
    timeouts.setReadTimeout(Duration.ofSeconds(5));
    RestClient owner =
        builders
            .getIfAvailable(RestClient::builder)
            .baseUrl(settings.ownerUrl())
            .requestFactory(timeouts)
            .requestInterceptor(
                AnswerLimit.restClientInterceptor(AnswerLimit.maxBytes(environment)))
            .requestInterceptor(
                (request, body, execution) -> {
                  request.getHeaders().set(HttpHeaders.AUTHORIZATION, token.bearer());
                  return execution.execute(request, body);
                })
            .build();
    return new RegionTreeFollower(tree, owner, settings.refreshInterval());
  }
}
