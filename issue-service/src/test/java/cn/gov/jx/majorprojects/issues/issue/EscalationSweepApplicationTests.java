package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The automatic escalation sweep, driven by the test clock instead of sleeps. */
class EscalationSweepApplicationTests extends CaseApplicationTestSupport {

  // submitted Thu 26 Nov 10:00 Shanghai: 5 working days end Thu 3 Dec 23:59:59,
  // 80 % of them are used at Thu 3 Dec 00:00 Shanghai
  static final Instant BEFORE_YELLOW = Instant.parse("2026-12-02T15:00:00Z");
  static final Instant AFTER_YELLOW = Instant.parse("2026-12-02T17:00:00Z");
  static final Instant OVERDUE = Instant.parse("2026-12-03T16:00:30Z");

  @Autowired EscalationSweep sweep;

  List<Document> timeline(String id) {
    return stored(id).getList("timeline", Document.class);
  }

  List<String> types(String id) {
    return timeline(id).stream().map(e -> e.getString("type")).toList();
  }

  @Test
  void anOverdueCountyCaseTurnsYellowThenRedAndEscalatesByItselfOnce() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "自动升级");
    // accepted in time (a case left unaccepted goes up earlier: MeetingListAndChasing…Tests)
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    assertThat(stored(id).getDate("dueAt").toInstant())
        .isEqualTo(Instant.parse("2026-12-03T15:59:59Z"));

    clock.set(BEFORE_YELLOW);
    sweep.sweep();
    assertThat(types(id)).containsExactly("SUBMITTED", "ACCEPTED");

    clock.set(AFTER_YELLOW);
    sweep.sweep();
    sweep.sweep();
    assertThat(types(id)).containsExactly("SUBMITTED", "ACCEPTED", "TURNED_YELLOW");
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.warning").value("YELLOW"));

    clock.set(OVERDUE);
    sweep.sweep();
    sweep.sweep();
    assertThat(types(id))
        .containsExactly("SUBMITTED", "ACCEPTED", "TURNED_YELLOW", "TURNED_RED", "AUTO_ESCALATED");
    Document auto = timeline(id).get(4);
    assertThat(auto.getString("actor")).isEqualTo("system");
    assertThat(auto.get("details", Document.class).getString("reason")).isEqualTo("OVERDUE");
    assertThat(auto.getString("fromRegion")).isEqualTo("360113");
    assertThat(auto.getString("toRegion")).isEqualTo("360100");
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.level").value("CITY"))
        .andExpect(jsonPath("$.handlingRegion").value("360100"))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.warning").value("GREEN"))
        .andExpect(
            jsonPath("$.dueAt")
                .value(calendars.workingCalendar().deadline(OVERDUE, 10).toString()));
    // the same events wait for notification-service, in the same document
    assertThat(
            stored(id).getList("outbox", Document.class).stream()
                .map(e -> e.getString("type"))
                .toList())
        .containsSubsequence("TURNED_YELLOW", "TURNED_RED", "AUTO_ESCALATED");
    mvc.perform(get("/api/issues/" + id + "/timeline/verify").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.intact").value(true));
  }

  @Test
  void sweepsRunningAtOnceOnSeveralReplicasEscalateACaseOnlyOnce() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "双副本");
    clock.set(OVERDUE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<EscalationSweep.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return sweep.sweep();
                }));
      }
      start.countDown();
      for (Future<EscalationSweep.Result> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(types(id).stream().filter("AUTO_ESCALATED"::equals)).hasSize(1);
    assertThat(types(id).stream().filter("TURNED_RED"::equals)).hasSize(1);
    assertThat(stored(id).getString("level")).isEqualTo("CITY");
  }

  @Test
  void anOverdueProvinceCaseStaysAndTurnsRedOnce() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "省级超期");
    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"上报\"}").andExpect(status().isOk());
    act(id, "escalate", TestUsers.coordNc(), "{\"reason\":\"上报省里\"}").andExpect(status().isOk());
    clock.set(Instant.parse("2027-01-20T02:00:00Z"));
    sweep.sweep();
    sweep.sweep();
    assertThat(types(id)).containsExactly("SUBMITTED", "ESCALATED", "ESCALATED", "TURNED_RED");
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordJx()))
        .andExpect(jsonPath("$.level").value("PROVINCE"))
        .andExpect(jsonPath("$.warning").value("RED"));
  }

  @Test
  void anOverdueCityCaseGoesToTheProvince() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "市级超期");
    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"上报\"}").andExpect(status().isOk());
    // city normal: 10 working days from Thu 26 Nov end Thu 10 Dec
    clock.set(Instant.parse("2026-12-10T16:00:01Z"));
    sweep.sweep();
    Document issue = stored(id);
    assertThat(issue.getString("level")).isEqualTo("PROVINCE");
    assertThat(issue.getString("handlingRegion")).isEqualTo("360000");
    assertThat(types(id)).endsWith("TURNED_RED", "AUTO_ESCALATED");
  }
}
