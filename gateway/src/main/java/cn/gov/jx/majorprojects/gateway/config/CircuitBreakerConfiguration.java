package cn.gov.jx.majorprojects.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
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
    // the time limiter defaults to 1 s and would cut the route's own response timeout short
    TimeLimiterConfig noExtraLimit =
        TimeLimiterConfig.custom().timeoutDuration(Duration.ofMinutes(5)).build();
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(circuit)
                    .timeLimiterConfig(noExtraLimit)
                    .build());
  }
}
