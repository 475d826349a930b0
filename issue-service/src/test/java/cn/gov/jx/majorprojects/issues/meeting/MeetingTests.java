package cn.gov.jx.majorprojects.issues.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A meeting's decisions without Spring: recorded, done once, reported overdue once. */
class MeetingTests {

  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
  static final Instant DUE = Instant.parse("2026-12-10T09:00:00Z");

  static Meeting meeting() {
    return Meeting.organise(
        "专题会", "360100", NOW, List.of("coord.nc"), List.of("c1", "c2", "c1"), "coord.nc", NOW);
  }

  static Meeting.Decision decide(Meeting meeting, String id, String issueId) {
    return meeting.decide(id, issueId, "限期签约", "征迁办", "360113", DUE, "coord.nc", NOW);
  }

  @Test
  void theAgendaHoldsEachCaseOnceAndADecisionOffItIs400() {
    Meeting meeting = meeting();
    assertThat(meeting.issueIds).containsExactly("c1", "c2");
    assertThatThrownBy(() -> decide(meeting, "d1", "c9"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("issueId");
  }

  @Test
  void theMeetingIsDoneOnlyWhenEveryDecisionIsDone() {
    Meeting meeting = meeting();
    assertThat(meeting.status).isEqualTo(Meeting.OPEN);
    decide(meeting, "d1", "c1");
    decide(meeting, "d2", "c2");
    Meeting.Decision done = meeting.markDone("d1", "coord.hgt", NOW);
    assertThat(done.status()).isEqualTo(Meeting.DONE);
    assertThat(done.doneBy()).isEqualTo("coord.hgt");
    assertThat(meeting.status).isEqualTo(Meeting.OPEN);
    meeting.markDone("d2", "coord.hgt", NOW);
    assertThat(meeting.status).isEqualTo(Meeting.DONE);
    assertThat(meeting.decisions).extracting(Meeting.Decision::status).containsOnly(Meeting.DONE);
  }

  @Test
  void aDecisionIsDoneOnceAndAnUnknownOneIs404() {
    Meeting meeting = meeting();
    decide(meeting, "d1", "c1");
    meeting.markDone("d1", "coord.hgt", NOW);
    assertThatThrownBy(() -> meeting.markDone("d1", "coord.hgt", NOW))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Decision d1 is already done");
    assertThatThrownBy(() -> meeting.markDone("d9", "coord.hgt", NOW))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Decision d9 not found");
  }

  @Test
  void latenessIsReportedOnceAndNeverForADoneDecision() {
    Meeting meeting = meeting();
    decide(meeting, "d1", "c1");
    decide(meeting, "d2", "c2");
    Instant late = DUE.plusSeconds(60);
    assertThat(meeting.decision("d1").overdueAt(late)).isTrue();
    assertThat(meeting.markReportedOverdue("d1", late).overdueReportedAt()).isEqualTo(late);
    assertThat(meeting.decision("d1").overdueReportedAt()).isEqualTo(late);
    assertThatThrownBy(() -> meeting.markReportedOverdue("d1", late))
        .isInstanceOf(ConflictException.class);
    meeting.markDone("d2", "coord.hgt", NOW);
    assertThat(meeting.decision("d2").overdueAt(late)).isFalse();
    assertThatThrownBy(() -> meeting.markReportedOverdue("d2", late))
        .isInstanceOf(ConflictException.class);
  }
}
