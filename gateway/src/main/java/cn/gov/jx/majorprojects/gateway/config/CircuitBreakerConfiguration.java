package cn.gov.jx.majorprojects.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One circuit per backend service; the routes' response timeouts, not Resilience4j, bound time. */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(
      GatewayProperties properties) {
    GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
    CircuitBreakerConfig circuit =
        CircuitBreakerConfig.custom()
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(settings.failureRatePercent())
            .waitDurationInOpenState(settings.open())
            .permittedNumberOfCallsInHalfOpenState(2)
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .build();
    // no time limiter (spring.cloud.circuitbreaker.resilience4j.disable-time-limiter in
    // application.yml): the routes' response timeouts bound time, and a limiter long enough not to
    // cut them short still scheduled and cancelled a timer task on every request (issue 13)
    return factory ->
        factory.configureDefault(
            id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(circuit).build());
  }
}
