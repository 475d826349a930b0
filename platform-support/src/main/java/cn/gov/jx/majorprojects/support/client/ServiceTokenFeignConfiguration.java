package cn.gov.jx.majorprojects.support.client;

import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;

/**
 * For {@code @FeignClient(configuration = ServiceTokenFeignConfiguration.class)}: every call
 * carries the {@code services} client-credentials token (the internal contracts require it).
 */
public class ServiceTokenFeignConfiguration {

  @Bean
  RequestInterceptor serviceTokenHeader(ServiceToken token) {
    return template -> template.header("Authorization", token.bearer());
  }
}
