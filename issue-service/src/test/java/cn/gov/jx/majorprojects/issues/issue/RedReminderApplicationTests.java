package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * The daily "still red" reminder: the sweep puts a RED_REMINDER event for the holders in the case's
 * outbox once per working day of issue-service's own calendar (the one admins edit).
 */
class RedReminderApplicationTests extends CaseApplicationTestSupport {

  @Autowired EscalationSweep sweep;

  @AfterEach
  void bundledCalendarAgain() {
    mongo.remove(Query.query(Criteria.where("_id").is(2026)), "calendars");
  }

  List<Document> reminders(String id) {
    return stored(id).getList("outbox", Document.class).stream()
        .filter(e -> "RED_REMINDER".equals(e.getString("type")))
        .toList();
  }

  /** Sweeps at the given instant; answers how many reminders the case got (others may too). */
  int sweepAt(String id, String instant) {
    int before = reminders(id).size();
    clock.set(Instant.parse(instant));
    int made = sweep.sweep().reminded();
    int got = reminders(id).size() - before;
    assertThat(made).isGreaterThanOrEqualTo(got);
    return got;
  }

  /** Submitted at {@code submittedAt}, turned red (and escalated to Nanchang) at {@code redAt}. */
  String redCase(String submittedAt, String redAt) throws Exception {
    clock.set(Instant.parse(submittedAt));
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "红灯提醒");
    clock.set(Instant.parse(redAt));
    sweep.sweep();
    assertThat(stored(id).getString("handlingRegion")).isEqualTo("360100");
    return id;
  }

  @Test
  void aRedCaseRemindsWhoeverHoldsItOncePerWorkingDayAtMostTenTimes() throws Exception {
    // submitted Thursday 26 Nov, due Thursday 3 Dec: red and at the city on Friday 4 Dec, 10:00
    String id = redCase("2026-11-26T02:00:00Z", "2026-12-04T02:00:00Z");
    assertThat(sweepAt(id, "2026-12-04T03:00:00Z")).as("not on the day it turned red").isZero();
    assertThat(sweepAt(id, "2026-12-05T03:00:00Z")).as("Saturday").isZero();
    assertThat(sweepAt(id, "2026-12-07T00:30:00Z")).as("Monday, 08:30").isZero();
    assertThat(sweepAt(id, "2026-12-07T01:30:00Z")).as("Monday, 09:30").isEqualTo(1);
    assertThat(sweepAt(id, "2026-12-07T05:00:00Z")).as("once a day").isZero();

    Document first = reminders(id).get(0);
    assertThat(first.getString("eventId")).isEqualTo("reminder:" + id + ":2026-12-07");
    assertThat(first.getString("source")).isEqualTo("issue-service");
    assertThat(first.get("subject", Document.class).getString("handlingRegion"))
        .isEqualTo("360100");
    assertThat(first.get("details", Document.class).getInteger("reminder")).isEqualTo(1);
    assertThat(first.get("details", Document.class).getInteger("of")).isEqualTo(10);
    assertThat(first.getLong("sequence"))
        .as("the latest entry's: it adds no entry to the timeline")
        .isEqualTo(stored(id).getList("timeline", Document.class).size());

    // escalated to the province meanwhile: the province's coordinators hold it now
    act(id, "escalate", TestUsers.coordNc(), "{\"reason\":\"需省级\"}").andExpect(status().isOk());
    assertThat(sweepAt(id, "2026-12-08T01:30:00Z")).isEqualTo(1);
    assertThat(reminders(id).get(1).get("subject", Document.class).getString("handlingRegion"))
        .isEqualTo("360000");

    int later = 0;
    for (int day = 1; day <= 20; day++) {
      later +=
          sweepAt(id, Instant.parse("2026-12-08T01:30:00Z").plus(Duration.ofDays(day)).toString());
    }
    assertThat(later).as("ten in all").isEqualTo(8);
    assertThat(reminders(id)).hasSize(10);
  }

  @Test
  void remindersFollowTheCalendarAnAdminEdits() throws Exception {
    // submitted Monday 21 Sep, due Tuesday 29 Sep (Mid-Autumn 25-27 off): red on Wednesday 30 Sep
    String id = redCase("2026-09-21T02:00:00Z", "2026-09-30T02:00:00Z");
    for (int day = 1; day <= 7; day++) { // 1-7 October: National Day, Thursday to Wednesday
      assertThat(sweepAt(id, "2026-10-0" + day + "T01:30:00Z")).as("1-7 October").isZero();
    }
    assertThat(sweepAt(id, "2026-10-09T01:30:00Z")).as("Friday 9 October").isEqualTo(1);
    assertThat(sweepAt(id, "2026-10-10T01:30:00Z"))
        .as("the worked Saturday 10 October")
        .isEqualTo(1);

    // an admin makes Monday 12 October a holiday: no reminder that day, one the day after
    mvc.perform(
            put("/api/calendars/2026")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"holidays":["2026-10-01","2026-10-02","2026-10-05","2026-10-06",
                                 "2026-10-07","2026-10-12"],
                     "workingDays":["2026-10-10"]}"""))
        .andExpect(status().isOk());
    assertThat(sweepAt(id, "2026-10-12T01:30:00Z")).isZero();
    assertThat(sweepAt(id, "2026-10-13T01:30:00Z")).isEqualTo(1);
    assertThat(reminders(id)).hasSize(3);
  }

  @Test
  void aResolvedCaseWaitsAndAClosedOneIsNotRecalled() throws Exception {
    String id = redCase("2026-11-26T02:00:00Z", "2026-12-04T02:00:00Z");
    act(id, "accept", TestUsers.coordNc(), null).andExpect(status().isOk());
    act(id, "resolve", TestUsers.coordNc(), "{\"resolution\":\"已解决\"}").andExpect(status().isOk());
    assertThat(sweepAt(id, "2026-12-07T01:30:00Z")).as("resolved").isZero();
    act(id, "reopen", TestUsers.ownerHgt(), "{\"reason\":\"未解决\"}").andExpect(status().isOk());
    assertThat(sweepAt(id, "2026-12-08T01:30:00Z")).as("reopened: worked on again").isEqualTo(1);
    act(id, "resolve", TestUsers.coordNc(), "{\"resolution\":\"已解决\"}").andExpect(status().isOk());
    act(id, "confirm", TestUsers.ownerHgt(), null).andExpect(status().isOk());
    assertThat(sweepAt(id, "2026-12-09T01:30:00Z")).as("closed").isZero();
    assertThat(reminders(id)).hasSize(1);
  }
}
