package cn.gov.jx.majorprojects.projects.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
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
 * Chasing October 2026's reports (due Thursday 5 November) day by day through November, on a
 * calendar of weekdays: reminders on 6, 11, 16, 19 and 24 November.
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ReportChaseApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired ReportChase chase;

  String silent;
  String late;
  String startedThisMonth;

  @BeforeEach
  void threeBuildingProjects() throws Exception {
    ReportFixtures.emptyStore(mongo);
    silent = create("000201", "360113", "org-nc-metro");
    late = create("000202", "360702", "org-gz-energy");
    startedThisMonth = create("000203", "360113", "org-nc-metro");
    // the first two were building in October; the third started on 26 November (today)
    for (String id : List.of(silent, late)) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(id)),
          Update.update("actualStart", LocalDate.parse("2026-09-01")),
          "projects");
    }
  }

  String create(String serial, String region, String org) throws Exception {
    return ReportFixtures.project(mvc, serial, region, org, "催报项目" + serial, "UNDER_CONSTRUCTION");
  }

  static WorkingDays weekdays(LocalDate... holidays) {
    LocalDate from = LocalDate.parse("2026-10-01");
    LocalDate to = LocalDate.parse("2027-01-31");
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY
          && d.getDayOfWeek() != DayOfWeek.SUNDAY
          && !List.of(holidays).contains(d)) {
        days.add(d);
      }
    }
    return WorkingDays.of(from, to, days);
  }

  /** The reminders waiting in a project's chase outbox (the relay cannot deliver in tests). */
  Map<Integer, Document> reminders(String projectId) {
    Document chaseDoc =
        mongo
            .getCollection("report_chases")
            .find(new Document("_id", projectId + ":2026-10"))
            .first();
    Map<Integer, Document> out = new TreeMap<>();
    if (chaseDoc != null) {
      for (Document event : chaseDoc.getList("outbox", Document.class, List.of())) {
        assertThat(event.getString("type")).isEqualTo("REPORT_REMINDER");
        Document details = event.get("details", Document.class);
        out.put(details.getInteger("reminder"), event);
      }
    }
    return out;
  }

  @Test
  void theOwnerIsRemindedOnTheFirstWorkingDayThenEveryThreeAtMostFiveTimesTheCountyAtTheThird()
      throws Exception {
    WorkingDays days = weekdays();
    Map<LocalDate, Integer> sentOn = new TreeMap<>();
    for (LocalDate d = LocalDate.parse("2026-11-02");
        d.isBefore(LocalDate.parse("2026-12-11"));
        d = d.plusDays(1)) {
      int before = reminders(silent).size();
      chase.run(d, days);
      // a restart on the same day sends nothing again
      chase.run(d, days);
      if (reminders(silent).size() > before) {
        sentOn.put(d, reminders(silent).size());
      }
    }
    assertThat(sentOn)
        .containsExactly(
            Map.entry(LocalDate.parse("2026-11-06"), 1),
            Map.entry(LocalDate.parse("2026-11-11"), 2),
            Map.entry(LocalDate.parse("2026-11-16"), 3),
            Map.entry(LocalDate.parse("2026-11-19"), 4),
            Map.entry(LocalDate.parse("2026-11-24"), 5));
    Map<Integer, Document> events = reminders(silent);
    for (int n = 1; n <= 5; n++) {
      Document details = events.get(n).get("details", Document.class);
      assertThat(details.getString("period")).isEqualTo("2026-10");
      assertThat(details.getBoolean("countyCoordinator")).isEqualTo(n == 3);
      assertThat(events.get(n).get("subject", Document.class).getString("ownerOrg"))
          .isEqualTo("org-nc-metro");
    }
    // a project that only started building in November is not chased for October
    assertThat(reminders(startedThisMonth)).isEmpty();
  }

  @Test
  void filingTheReportStopsTheChase() throws Exception {
    WorkingDays days = weekdays();
    chase.run(LocalDate.parse("2026-11-06"), days);
    assertThat(reminders(late)).hasSize(1);
    mvc.perform(
            put("/api/projects/" + late + "/progress-reports/2026-10")
                .with(TestUsers.ownerZg())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":10,"physicalProgressPercent":5,"workersOnSite":20,
                     "siteState":"WORKING"}
                    """))
        .andExpect(status().isCreated());
    for (LocalDate d = LocalDate.parse("2026-11-07");
        d.isBefore(LocalDate.parse("2026-11-30"));
        d = d.plusDays(1)) {
      chase.run(d, days);
    }
    assertThat(reminders(late)).hasSize(1);
    assertThat(reminders(silent)).hasSize(5);
    Document state =
        mongo.getCollection("report_chases").find(new Document("_id", late + ":2026-10")).first();
    assertThat(state.getString("outcome")).isEqualTo("FILED");
  }

  @Test
  void theCalendarDecidesTheDaysAndNothingIsSentOnADayOff() throws Exception {
    // 6 November a holiday: the first reminder waits for Monday 9th, the second for the 12th
    WorkingDays days = weekdays(LocalDate.parse("2026-11-06"));
    assertThat(chase.run(LocalDate.parse("2026-11-06"), days)).isZero();
    assertThat(chase.run(LocalDate.parse("2026-11-07"), days)).isZero();
    assertThat(chase.run(LocalDate.parse("2026-11-09"), days)).isEqualTo(2);
    assertThat(chase.run(LocalDate.parse("2026-11-11"), days)).isZero();
    assertThat(chase.run(LocalDate.parse("2026-11-12"), days)).isEqualTo(2);
  }

  @Test
  void replicasRunningAtOnceSendEachReminderOnce() throws Exception {
    WorkingDays days = weekdays();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(() -> chase.run(LocalDate.parse("2026-11-06"), days));
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(runs)) {
        total += f.get();
      }
      assertThat(total).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(reminders(silent)).hasSize(1);
    assertThat(reminders(late)).hasSize(1);
  }
}
