package cn.gov.jx.majorprojects.notifications.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import cn.gov.jx.majorprojects.support.metrics.PeriodicRefresh;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.Scrape;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * notification-service's business metrics (deploy/observability/METRICS.md) as /actuator/prometheus
 * serves them to Prometheus: present from start-up, and moving with what they count (the stored
 * states are written directly here; how deliveries die and events wait is tested elsewhere).
 */
@SpringBootTest(properties = {"management.server.port=0", "notifications.events.sweep-interval=1h"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class BusinessMetricsApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired PrometheusMeterRegistry registry;
  @Autowired PeriodicRefresh notificationMetricsRefresh;

  Scrape scrape() {
    notificationMetricsRefresh.refresh();
    return Scrape.of(registry);
  }

  @Test
  void everyBusinessMetricIsInTheScrapeFromTheStart() {
    Scrape scrape = scrape();
    assertThat(scrape.names())
        .contains(
            "notifications_deliveries_dead",
            "notifications_ingestion_lag_seconds",
            "notifications_sse_connections");
    for (String channel : new String[] {"EMAIL", "SMS", "WEBHOOK"}) {
      assertThat(scrape.value("notifications_deliveries_dead", "channel=" + channel))
          .isGreaterThanOrEqualTo(0);
      for (String outcome : new String[] {"sent", "failed", "dead"}) {
        scrape.value("notifications_deliveries_total", "channel=" + channel, "outcome=" + outcome);
      }
      scrape.value("notifications_delivery_latency_seconds_count", "channel=" + channel);
    }
    scrape.value("notifications_inbox_total", "type=SUBMITTED");
  }

  @Test
  void anOpenStreamIsCounted() throws Exception {
    double before = scrape().value("notifications_sse_connections");
    mvc.perform(get("/api/notifications/stream").with(TestUsers.coordNc()))
        .andExpect(request().asyncStarted());
    assertThat(scrape().value("notifications_sse_connections")).isEqualTo(before + 1);
  }

  @Test
  void deadDeliveriesAndAWaitingEventMoveTheirGauges() {
    Scrape before = scrape();
    mongo
        .getCollection("deliveries")
        .insertOne(
            new Document("eventId", "m-1")
                .append("recipient", "coord.nc")
                .append("channel", "SMS")
                .append("status", "DEAD")
                .append("attempts", 8));
    Instant written = Instant.now().minusSeconds(120);
    mongo
        .getCollection("events")
        .insertOne(
            new Document("eventId", "m-2")
                .append("subjectKey", "ISSUE:m")
                .append("sequence", 2L)
                .append("state", "WAITING")
                .append("event", new Document("eventId", "m-2").append("occurredAt", written))
                .append("receivedAt", new Date()));

    Scrape after = scrape();
    assertThat(
            after.value("notifications_deliveries_dead", "channel=SMS")
                - before.value("notifications_deliveries_dead", "channel=SMS"))
        .isOne();
    assertThat(after.value("notifications_deliveries_dead", "channel=EMAIL"))
        .isEqualTo(before.value("notifications_deliveries_dead", "channel=EMAIL"));
    assertThat(after.value("notifications_ingestion_lag_seconds")).isBetween(120.0, 600.0);

    mongo.getCollection("events").deleteOne(new Document("eventId", "m-2"));
    assertThat(scrape().value("notifications_ingestion_lag_seconds")).isZero();
  }
}
