package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case's state machine, without Spring: every transition and every refused one. */
class IssueTests {

  static final RegionTree TREE = CaseFixtures.TREE;
  static final CaseRules RULES = CaseFixtures.RULES;
  static final Instant NOW = CaseFixtures.NOW;

  static Instant endOf(String date) {
    return LocalDate.parse(date).atTime(23, 59, 59).atZone(WorkingCalendar.ZONE).toInstant();
  }

  static final Issue.Submission SUBMISSION = CaseFixtures.SUBMISSION;

  static Issue submitted() {
    return CaseFixtures.submitted();
  }

  static Issue inProgress() {
    Issue issue = submitted();
    issue.accept("coord.hgt", NOW, RULES);
    return issue;
  }

  static Issue resolved() {
    Issue issue = inProgress();
    issue.resolve("coord.hgt", "已协调", NOW, RULES);
    return issue;
  }

  static Issue atProvince() {
    Issue issue = submitted();
    issue.escalate("coord.hgt", "需市级", NOW, RULES);
    issue.escalate("coord.nc", "需省级", NOW, RULES);
    return issue;
  }

  static void refused(Runnable action, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aCaseNotAcceptedByTheDeadlineOfItsOwnPolicyVersionTurnsRedAndGoesUp() {
    // version 2 allows 3 working days to accept; the case started under it keeps them
    EscalationPolicy three =
        new EscalationPolicy(2, 3, EscalationPolicy.defaults().resolveWorkingDays());
    CaseRules rules =
        new CaseRules(
            WorkingCalendar.weekendsOnly(),
            v -> v == 2 ? three : EscalationPolicy.defaults(),
            TREE);
    Issue issue = Issue.submit(SUBMISSION, 2, NOW, rules);
    issue.version = 0L;
    // Thu 26 Nov + 3 working days: Fri, Mon, Tue 1 Dec
    assertThat(issue.acceptDueAt).isEqualTo(endOf("2026-12-01"));
    Instant monday = Instant.parse("2026-11-30T02:00:00Z");
    assertThat(issue.warningAt(rules.calendar(), monday)).isEqualTo(Warning.GREEN);
    refused(() -> issue.notAccepted(monday, rules), "within its acceptance time");

    Instant wednesday = Instant.parse("2026-12-02T02:00:00Z");
    assertThat(issue.warningAt(rules.calendar(), wednesday)).isEqualTo(Warning.RED);
    Issue.Change change = issue.notAccepted(wednesday, rules);
    assertThat(change.entries())
        .extracting(TimelineEntry::type)
        .containsExactly("TURNED_RED", "AUTO_ESCALATED");
    assertThat(change.entries().get(1).details()).containsEntry("reason", Issue.NOT_ACCEPTED);
    assertThat(issue.level).isEqualTo(RegionLevel.CITY);
    assertThat(issue.handlingRegion).isEqualTo("360100");
    // fresh deadlines at the city under the same version: 3 working days to accept again
    assertThat(issue.acceptDueAt).isEqualTo(endOf("2026-12-07"));
    assertThat(issue.warningAt(rules.calendar(), wednesday)).isEqualTo(Warning.GREEN);

    Issue accepted = inProgress();
    refused(
        () -> accepted.notAccepted(Instant.parse("2026-12-30T02:00:00Z"), RULES), "IN_PROGRESS");
  }

  @Test
  void aProvinceCaseNotAcceptedInTimeOnlyTurnsRed() {
    Issue issue = atProvince();
    Issue.Change change = issue.notAccepted(Instant.parse("2026-11-30T02:00:00Z"), RULES);
    assertThat(change.entries()).extracting(TimelineEntry::type).containsExactly("TURNED_RED");
    assertThat(issue.level).isEqualTo(RegionLevel.PROVINCE);
  }

  @Test
  void anOpenDecisionPastItsDueDateIsRecordedOnceAndOnlyWhileOpen() {
    Issue issue = inProgress();
    issue.recordDecision("d1", "coord.nc", Map.of("decisionId", "d1"), NOW, RULES);
    refused(() -> issue.decisionOverdue("d2", Map.of("decisionId", "d2"), NOW, RULES), "not open");
    Issue.Change change =
        issue.decisionOverdue(
            "d1", Map.of("decisionId", "d1", "responsibleRegion", "360113"), NOW, RULES);
    assertThat(change.entries())
        .extracting(TimelineEntry::type)
        .containsExactly("DECISION_OVERDUE");
    assertThat(change.events().get(0).details()).containsEntry("responsibleRegion", "360113");
    refused(() -> issue.decisionOverdue("d1", Map.of("decisionId", "d1"), NOW, RULES), "already");
  }

  @Test
  void aSubmittedCaseIsOpenAtItsCountyWithTheCountyDeadlinesAndOneEvent() {
    Issue issue =
        Issue.submit(
            new Issue.Submission(
                "k",
                "h",
                "JX-2026-000002",
                "p-hgt",
                "红谷滩地铁站",
                "360113",
                "org-nc-metro",
                "t",
                "d",
                Category.LAND,
                Urgency.URGENT,
                null,
                "owner.hgt",
                "org-nc-metro"),
            3,
            NOW,
            RULES);
    assertThat(issue.status).isEqualTo(IssueStatus.OPEN);
    assertThat(issue.level).isEqualTo(RegionLevel.COUNTY);
    assertThat(issue.handlingRegion).isEqualTo("360113");
    assertThat(issue.regionsPassed).containsExactly("360113");
    assertThat(issue.acceptDueAt).isEqualTo(endOf("2026-11-27"));
    assertThat(issue.dueAt).as("county, urgent: 2 working days").isEqualTo(endOf("2026-11-30"));
    List<Issue.Step> steps = issue.takeUnwritten();
    assertThat(steps).hasSize(1);
    TimelineEntry entry = steps.get(0).entry();
    assertThat(entry.type()).isEqualTo("SUBMITTED");
    assertThat(entry.sequence()).isEqualTo(1);
    assertThat(entry.toRegion()).isEqualTo("360113");
    assertThat(entry.details()).containsEntry("policyVersion", "3");
    EventEnvelope event = steps.get(0).event();
    assertThat(event.type()).isEqualTo("SUBMITTED");
    assertThat(event.subject().warning()).isEqualTo("GREEN");
    assertThat(event.subject().id()).isEqualTo(issue.id).isNotBlank();
  }

  @Test
  void acceptTakesAnOpenCaseInProgressOnce() {
    Issue issue = submitted();
    Issue.Change change = issue.accept("coord.hgt", NOW, RULES);
    assertThat(issue.status).isEqualTo(IssueStatus.IN_PROGRESS);
    assertThat(issue.acceptedAt).isEqualTo(NOW);
    assertThat(change.entries()).extracting(TimelineEntry::type).containsExactly("ACCEPTED");
    assertThat(change.events()).extracting(EventEnvelope::sequence).containsExactly(2L);
    refused(() -> issue.accept("coord.hgt", NOW, RULES), "is IN_PROGRESS and cannot be accepted");
  }

  @Test
  void escalateMovesUpWithFreshDeadlinesAndStopsAtTheProvince() {
    Issue issue = inProgress();
    Instant later = NOW.plus(Duration.ofDays(1));
    issue.escalate("coord.hgt", "需市级", later, RULES);
    assertThat(issue.level).isEqualTo(RegionLevel.CITY);
    assertThat(issue.handlingRegion).isEqualTo("360100");
    assertThat(issue.status).isEqualTo(IssueStatus.OPEN);
    assertThat(issue.acceptedAt).isNull();
    assertThat(issue.levelSince).isEqualTo(later);
    assertThat(issue.dueAt).as("city, normal: 10 working days").isEqualTo(endOf("2026-12-11"));
    assertThat(issue.escalatedForLateness).isFalse();
    assertThat(issue.lastEntry().fromRegion()).isEqualTo("360113");

    Issue top = atProvince();
    assertThat(top.handlingRegion).isEqualTo("360000");
    assertThat(top.regionsPassed).containsExactly("360113", "360100", "360000");
    refused(() -> top.escalate("coord.jx", "x", NOW, RULES), "already at province level");
    refused(() -> resolved().escalate("coord.hgt", "x", NOW, RULES), "cannot be escalated");
  }

  @Test
  void anOverdueCaseTurnsRedOnceAndGoesUpForLatenessButStaysAtTheProvince() {
    Issue issue = submitted();
    Instant late = issue.dueAt.plusSeconds(1);
    Issue.Change change = issue.overdue(late, RULES);
    assertThat(change.entries())
        .extracting(TimelineEntry::type)
        .containsExactly("TURNED_RED", "AUTO_ESCALATED");
    assertThat(change.entries().get(1).actor()).isEqualTo(Issue.SYSTEM);
    assertThat(change.entries().get(1).details()).containsEntry("reason", Issue.OVERDUE);
    assertThat(issue.handlingRegion).isEqualTo("360100");
    assertThat(issue.escalatedForLateness).isTrue();
    assertThat(issue.notedWarning).as("fresh at the new level").isEqualTo(Warning.GREEN);
    refused(() -> issue.overdue(late, RULES), "is not overdue");

    Issue top = atProvince();
    Instant topLate = top.dueAt.plusSeconds(1);
    assertThat(top.overdue(topLate, RULES).entries())
        .extracting(TimelineEntry::type)
        .containsExactly("TURNED_RED");
    assertThat(top.handlingRegion).isEqualTo("360000");
    refused(() -> resolved().overdue(late, RULES), "cannot be escalated");
  }

  @Test
  void coloursAreRecordedOncePerLevelAndNeverBackwards() {
    Issue issue = submitted();
    issue.turned(Warning.YELLOW, NOW, RULES);
    assertThat(issue.lastEntry().type()).isEqualTo("TURNED_YELLOW");
    refused(() -> issue.turned(Warning.YELLOW, NOW, RULES), "already noted YELLOW");
    issue.turned(Warning.RED, NOW, RULES);
    assertThat(issue.notedWarning).isEqualTo(Warning.RED);
    refused(() -> issue.turned(Warning.YELLOW, NOW, RULES), "already noted RED");
    refused(() -> issue.turned(Warning.GREEN, NOW, RULES), "already noted");
  }

  @Test
  void returnGoesBackTowardsTheCountyAndCountsABounceAfterALateEscalation() {
    Issue issue = submitted();
    issue.overdue(issue.dueAt.plusSeconds(1), RULES);
    Issue.Change change = issue.returnDown("coord.nc", "县里办", NOW, RULES);
    assertThat(change.entries().get(0).details())
        .containsEntry("bounce", "true")
        .containsEntry("instruction", "县里办");
    assertThat(issue.level).isEqualTo(RegionLevel.COUNTY);
    assertThat(issue.handlingRegion).isEqualTo("360113");
    assertThat(issue.escalatedForLateness).isFalse();
    refused(() -> issue.returnDown("coord.hgt", "x", NOW, RULES), "at county level");

    Issue closed = resolved();
    refused(() -> closed.returnDown("coord.hgt", "x", NOW, RULES), "cannot be returned");
  }

  @Test
  void resolveNeedsAnAcceptedCaseAndSaysWhetherItWasOnTime() {
    refused(() -> submitted().resolve("coord.hgt", "r", NOW, RULES), "must be accepted before");
    Issue issue = inProgress();
    issue.resolve("coord.hgt", "已协调", NOW, RULES);
    assertThat(issue.status).isEqualTo(IssueStatus.RESOLVED);
    assertThat(issue.resolution).isEqualTo("已协调");
    assertThat(issue.lastEntry().details()).containsEntry("onTime", "true");
    refused(() -> issue.resolve("coord.hgt", "r", NOW, RULES), "cannot be resolved");

    Issue late = inProgress();
    late.resolve("coord.hgt", "晚了", late.dueAt.plusSeconds(1), RULES);
    assertThat(late.lastEntry().details()).containsEntry("onTime", "false");
  }

  @Test
  void confirmClosesAResolvedCaseUnlessAMeetingDecisionIsOpen() {
    Issue issue = resolved();
    issue.recordDecision("d1", "coord.nc", Map.of("decisionId", "d1"), NOW, RULES);
    refused(() -> issue.confirm("owner.hgt", NOW, RULES), "decision on it is open");
    issue.decisionDone("d1", "coord.nc", Map.of("decisionId", "d1"), NOW, RULES);
    issue.confirm("owner.hgt", NOW, RULES);
    assertThat(issue.status).isEqualTo(IssueStatus.CLOSED);
    assertThat(issue.closedAt).isEqualTo(NOW);
    refused(() -> issue.confirm("owner.hgt", NOW, RULES), "cannot be confirmed");
    refused(() -> inProgress().confirm("owner.hgt", NOW, RULES), "cannot be confirmed");
  }

  @Test
  void reopenPutsAResolvedCaseBackInProgressAtTheSameLevelWithFreshDeadlines() {
    Issue issue = resolved();
    Instant later = Instant.parse("2026-12-01T02:00:00Z");
    issue.reopen("owner.hgt", "没解决", later, RULES);
    assertThat(issue.status).isEqualTo(IssueStatus.IN_PROGRESS);
    assertThat(issue.handlingRegion).isEqualTo("360113");
    assertThat(issue.resolution).isNull();
    assertThat(issue.resolvedAt).isNull();
    assertThat(issue.dueAt).isEqualTo(endOf("2026-12-08"));
    refused(() -> issue.reopen("owner.hgt", "x", NOW, RULES), "cannot be reopened");
  }

  @Test
  void supervisionShortensTheDeadlineOnce() {
    Issue issue = submitted();
    Instant before = issue.dueAt;
    issue.supervise("manager.nc", "盯紧", NOW, RULES);
    assertThat(issue.supervised).isTrue();
    assertThat(issue.supervisedBy).isEqualTo("manager.nc");
    assertThat(issue.dueAt).isBefore(before);
    assertThat(issue.lastEntry().details()).containsEntry("previousDueAt", before.toString());
    refused(() -> issue.supervise("manager.nc", "x", NOW, RULES), "already supervised");
    refused(() -> resolved().supervise("manager.nc", "x", NOW, RULES), "cannot be supervised");
  }

  @Test
  void anExtensionIsAskedOfTheRegionAboveOnceAndOnlyApprovalMovesTheDeadline() {
    Issue issue = submitted();
    Instant wanted = issue.dueAt.plus(Duration.ofDays(7));
    assertThatThrownBy(() -> issue.requestExtension("r0", "coord.hgt", NOW, "x", NOW, RULES))
        .isInstanceOf(BadRequestException.class);
    issue.requestExtension("r1", "coord.hgt", wanted, "等审批", NOW, RULES);
    assertThat(issue.extensionRequest("r1").orElseThrow().approverRegion()).isEqualTo("360100");
    refused(
        () -> issue.requestExtension("r2", "coord.hgt", wanted, "x", NOW, RULES),
        "already has an extension request");

    issue.decideExtension("r1", true, "coord.nc", NOW, RULES);
    assertThat(issue.dueAt).isEqualTo(wanted);
    assertThat(issue.extensionRequest("r1").orElseThrow().status())
        .isEqualTo(ExtensionRequest.Status.APPROVED);
    refused(() -> issue.decideExtension("r1", false, "coord.nc", NOW, RULES), "already APPROVED");

    Issue declined = submitted();
    Instant due = declined.dueAt;
    declined.requestExtension("r3", "coord.hgt", due.plus(Duration.ofDays(3)), "x", NOW, RULES);
    declined.decideExtension("r3", false, "coord.nc", NOW, RULES);
    assertThat(declined.dueAt).isEqualTo(due);

    Issue moved = submitted();
    moved.requestExtension("r4", "coord.hgt", moved.dueAt.plusSeconds(60), "x", NOW, RULES);
    moved.escalate("coord.hgt", "需市级", NOW, RULES);
    refused(() -> moved.decideExtension("r4", true, "coord.nc", NOW, RULES), "has moved on");

    Issue top = atProvince();
    refused(
        () -> top.requestExtension("r5", "coord.jx", top.dueAt.plusSeconds(60), "x", NOW, RULES),
        "no region above");
    refused(
        () -> resolved().requestExtension("r6", "coord.hgt", wanted, "x", NOW, RULES),
        "cannot be extended");
  }

  @Test
  void messagesAndMeetingDecisionsAreRecordedInAnyStatus() {
    Issue issue = resolved();
    issue.postMessage("m1", "owner.hgt", "谢谢", NOW, RULES);
    assertThat(issue.lastEntry().details()).containsEntry("messageId", "m1");
    issue.recordDecision("d1", "coord.nc", Map.of("decisionId", "d1"), NOW, RULES);
    issue.recordDecision("d1", "coord.nc", Map.of("decisionId", "d1"), NOW, RULES);
    assertThat(issue.openDecisions).containsExactly("d1");
    issue.decisionDone("d1", "coord.nc", Map.of("decisionId", "d1"), NOW, RULES);
    assertThat(issue.openDecisions).isEmpty();
  }

  @Test
  void theTimelineStaysAChainAndEachEventCarriesItsEntrysSequence() {
    Issue issue = inProgress();
    issue.escalate("coord.hgt", "需市级", NOW, RULES);
    issue.returnDown("coord.nc", "县里办", NOW, RULES);
    List<Issue.Step> steps = issue.takeUnwritten();
    assertThat(steps)
        .allSatisfy(s -> assertThat(s.event().sequence()).isEqualTo((long) s.entry().sequence()));
    assertThat(TimelineVerification.of(issue.timeline).intact()).isTrue();
    assertThat(issue.takeUnwritten()).as("handed over once").isEmpty();
  }

  @Test
  void aCaseThatTurnedRedIsRemindedOncePerWorkingDayFromTheNextOneWhileWorkedOn() {
    Issue issue = submitted();
    LocalDate thursday = LocalDate.parse("2026-11-26");
    refused(() -> issue.remindStillRed(thursday.plusDays(1), 10, NOW, RULES), "not a red case");
    issue.turned(Warning.RED, NOW, RULES);
    assertThat(issue.redOn).isEqualTo("2026-11-26");
    issue.takeUnwritten();
    refused(() -> issue.remindStillRed(thursday, 10, NOW, RULES), "no reminder due");

    Issue.Change change = issue.remindStillRed(thursday.plusDays(1), 10, NOW, RULES);
    assertThat(change.entries()).as("no timeline entry").isEmpty();
    EventEnvelope reminder = change.events().get(0);
    assertThat(reminder.type()).isEqualTo("RED_REMINDER");
    assertThat(reminder.eventId()).isEqualTo("reminder:" + issue.id + ":2026-11-27");
    assertThat(reminder.sequence()).isEqualTo((long) issue.lastEntry().sequence());
    assertThat(reminder.details()).containsEntry("reminder", 1).containsEntry("of", 10);
    assertThat(issue.timeline).hasSize(2);
    refused(() -> issue.remindStillRed(thursday.plusDays(1), 10, NOW, RULES), "no reminder due");
    refused(() -> issue.remindStillRed(thursday.plusDays(2), 10, NOW, RULES), "not a working day");
    refused(() -> issue.remindStillRed(thursday.plusDays(4), 1, NOW, RULES), "no reminder due");

    issue.accept("coord.hgt", NOW, RULES);
    issue.resolve("coord.hgt", "已解决", NOW, RULES);
    refused(() -> issue.remindStillRed(thursday.plusDays(4), 10, NOW, RULES), "not a red case");
  }

  @Test
  void aStaleVersionIsRefused() {
    Issue issue = submitted();
    issue.requireVersion(null);
    issue.requireVersion(0L);
    refused(() -> issue.requireVersion(3L), "is at version 0, not 3");
  }
}
