package cn.gov.jx.majorprojects.gateway;

import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's own Prometheus scrape, as Prometheus asks for it (OpenMetrics). */
final class ManagementScrape {

  private ManagementScrape() {}

  static String openMetrics(int managementPort) {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + managementPort)
        .build()
        .get()
        .uri("/actuator/prometheus")
        .header("Accept", "application/openmetrics-text;version=1.0.0")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
