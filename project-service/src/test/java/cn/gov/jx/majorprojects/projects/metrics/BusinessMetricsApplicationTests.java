package cn.gov.jx.majorprojects.projects.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.support.metrics.PeriodicRefresh;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.Scrape;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * project-service's business metrics (deploy/observability/METRICS.md) as /actuator/prometheus
 * serves them to Prometheus: present from start-up, and moving after what they count (gauges after
 * the periodic recount, driven here by the test; "today" is 26 Nov 2026, FixedClockConfiguration).
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class BusinessMetricsApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired PrometheusMeterRegistry registry;
  @Autowired PeriodicRefresh projectMetricsRefresh;

  Scrape scrape() {
    projectMetricsRefresh.refresh();
    return Scrape.of(registry);
  }

  String project(String code, String plannedStart, String status) throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"%s","name":"指标项目","level":"CITY",
                         "regionCode":"360113","industry":"SOCIAL","ownerOrg":"org-nc-metro",
                         "ownerOrgName":"南昌轨道交通集团","totalInvestment":90000,
                         "plannedStart":"%s","plannedFinish":"2028-12-31","status":"%s"}
                        """
                            .formatted(code, plannedStart, status)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  @Test
  void everyBusinessMetricIsInTheScrapeFromTheStart() {
    Scrape scrape = scrape();
    assertThat(scrape.names())
        .contains(
            "projects_current",
            "projects_reports_missing",
            "projects_dashboard_rollup_lag_seconds",
            "outbox_backlog_events",
            "outbox_oldest_event_age_seconds");
    for (String status :
        new String[] {
          "PLANNED", "PRE_CONSTRUCTION", "UNDER_CONSTRUCTION", "COMPLETED", "SUSPENDED"
        }) {
      for (String light : new String[] {"GREEN", "YELLOW", "RED"}) {
        scrape.value("projects_current", "status=" + status, "warning=" + light);
      }
    }
  }

  @Test
  void aRedProjectAMissingReportAndTheirEventsMoveTheGauges() throws Exception {
    Scrape before = scrape();

    // the start slipped long ago: red on create, with a PROJECT_RED event in its outbox
    project("2026-360113-48-01-000901", "2026-02-01", "PRE_CONSTRUCTION");
    Scrape red = scrape();
    assertThat(delta(before, red, "projects_current", "status=PRE_CONSTRUCTION", "warning=RED"))
        .isOne();
    assertThat(delta(before, red, "outbox_backlog_events")).isOne();
    assertThat(red.value("outbox_oldest_event_age_seconds")).isGreaterThanOrEqualTo(0);

    // building since September and nothing filed for October, past the 5 November due day
    String building = project("2026-360113-48-01-000902", "2026-01-01", "UNDER_CONSTRUCTION");
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(building)),
        Update.update("actualStart", LocalDate.of(2026, 9, 1)),
        Project.class);
    Scrape missing = scrape();
    assertThat(delta(before, missing, "projects_reports_missing")).isOne();
    assertThat(delta(before, missing, "projects_current", "status=UNDER_CONSTRUCTION")).isOne();

    // the roll-ups counted each change in the same call: nothing is pending
    assertThat(missing.value("projects_dashboard_rollup_lag_seconds")).isZero();
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
