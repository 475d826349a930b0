package cn.gov.jx.majorprojects.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What Prometheus 2.42 (Debian bookworm) gets from a service: it asks for OpenMetrics and refuses
 * the whole scrape when an exemplar sits on a line other than a counter's {@code _total} or a
 * bucket ("does not support exemplars"). The platform defaults switch exemplars off.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.application.name=probe")
class PrometheusScrapeApplicationTests {

  private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0";

  @Autowired PrometheusMeterRegistry registry;
  @Autowired Tracer tracer;

  @Test
  void meteringInsideATracedRequestPutsNoExemplarInTheOpenMetricsScrape() {
    Span span = tracer.nextSpan().name("request").start();
    try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
      assertThat(span.context().sampled()).isTrue();
      Timer.builder("probe.latency").register(registry).record(Duration.ofMillis(12));
      Counter.builder("probe.events").register(registry).increment();
    } finally {
      span.end();
    }

    String scrape = registry.scrape(OPEN_METRICS);

    assertThat(scrape)
        .contains("probe_latency_seconds_count{application=\"probe\"} 1")
        .contains("probe_events_total{application=\"probe\"} 1.0");
    assertThat(scrape).doesNotContain("# {").doesNotContain(span.context().traceId());
  }

  @Test
  void requestTimersHaveTheBucketsTheP99LatencyAlertReads() {
    Timer.builder("http.server.requests")
        .tag("uri", "/api/issues")
        .register(registry)
        .record(Duration.ofMillis(300));

    String scrape = registry.scrape(OPEN_METRICS);

    assertThat(scrape)
        .contains(
            "http_server_requests_seconds_bucket{application=\"probe\",uri=\"/api/issues\",le=\"0.25\"} 0")
        .contains(
            "http_server_requests_seconds_bucket{application=\"probe\",uri=\"/api/issues\",le=\"0.5\"} 1")
        .contains(
            "http_server_requests_seconds_bucket{application=\"probe\",uri=\"/api/issues\",le=\"5.0\"} 1");
  }

  @SpringBootApplication
  static class App {}
}
