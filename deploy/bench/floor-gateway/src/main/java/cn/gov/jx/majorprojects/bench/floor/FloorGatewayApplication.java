package cn.gov.jx.majorprojects.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The floors of the gateway benchmark: Spring Cloud Gateway with one route to {@code UPSTREAM_URL}
 * and no filters; profile {@code bare} has no security at all, profile {@code jwt} only Spring
 * Security's resource server checking RS256 bearer tokens (signature, issuer, audience, expiry) on
 * every request. Bench only: nothing of the platform runs this.
 */
@SpringBootApplication
public class FloorGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(FloorGatewayApplication.class, args);
  }
}
