package cn.gov.jx.majorprojects.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code gateway_jwks_fetches_total{outcome=success|failure}}: the gateway's fetches of Keycloak's
 * signing keys (the KeycloakJwksUnreachable alert: failures and no success). Both series exist at 0
 * from start-up; the signing-key cache reports each fetch when it ends.
 */
@Component
public class JwksFetches {

  private final Counter success;
  private final Counter failure;

  public JwksFetches(MeterRegistry registry) {
    success = counter(registry, "success");
    failure = counter(registry, "failure");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("gateway.jwks.fetches")
        .description("fetches of Keycloak's JWKS (signing keys) by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  public void succeeded() {
    success.increment();
  }

  public void failed() {
    failure.increment();
  }
}
