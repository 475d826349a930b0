package cn.gov.jx.majorprojects.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.event.InboundEvent;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.SubjectKind;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecipientPolicyTests {

  /** The demo realm's users, plus one outsider of each kind. */
  static final UserDirectory DEMO =
      role ->
          switch (role) {
            case OWNER ->
                List.of(
                    user("owner.hgt", role, "360113", "org-nc-metro"),
                    user("owner.zg", role, "360702", "org-gz-energy"));
            case COORDINATOR ->
                List.of(
                    user("coord.hgt", role, "360113", null),
                    user("coord.nc", role, "360100", null),
                    user("coord.zg", role, "360702", null),
                    user("coord.gz", role, "360700", null),
                    user("coord.jx", role, "360000", null));
            case MANAGER ->
                List.of(
                    user("manager.nc", role, "360100", null),
                    user("manager.jx", role, "360000", null),
                    user("manager.gz", role, "360700", null));
            case ADMIN -> List.of(user("admin", role, "360000", null));
          };

  final RecipientPolicy policy = new RecipientPolicy(RegionTree.bundled());

  @Test
  void submittedReachesTheCountyCoordinatorsAndTheReporterOrgButNotTheReporter() {
    var recipients =
        policy.recipients(
            issueEvent(EventType.SUBMITTED, "owner.hgt", "360113", List.of(), false), DEMO);
    assertThat(recipients).containsExactly("coord.hgt");
  }

  @Test
  void escalationReachesTheNewHoldersAndTheLevelsItPassedThrough() {
    var event = issueEvent(EventType.ESCALATED, "coord.hgt", "360100", List.of("360113"), false);
    assertThat(policy.recipients(event, DEMO)).containsExactlyInAnyOrder("coord.nc", "owner.hgt");
  }

  @Test
  void aMessageIsNotSentBackToItsAuthorAndEarlierLevelsAreNotBothered() {
    var event =
        issueEvent(EventType.MESSAGE_POSTED, "coord.nc", "360100", List.of("360113"), false);
    assertThat(policy.recipients(event, DEMO)).containsExactly("owner.hgt");
  }

  @Test
  void turningRedBringsInTheManagersUpTheTreeButNotThoseOfAnotherCity() {
    var event = issueEvent(EventType.TURNED_RED, null, "360100", List.of("360113"), false);
    assertThat(policy.recipients(event, DEMO))
        .containsExactlyInAnyOrder("coord.nc", "coord.hgt", "owner.hgt", "manager.nc", "manager.jx")
        .doesNotContain("manager.gz", "coord.gz", "coord.zg", "owner.zg");
  }

  @Test
  void supervisionBringsInTheManagersToo() {
    var event =
        issueEvent(EventType.SUPERVISED, "manager.jx", "360000", List.of("360113", "360100"), true);
    assertThat(policy.recipients(event, DEMO))
        .containsExactlyInAnyOrder("coord.jx", "coord.nc", "coord.hgt", "owner.hgt", "manager.nc");
  }

  @Test
  void aBlockerTiedToAMilestoneByItsHolderReachesTheOwnerOrganisationNotTheHolderWhoDidIt() {
    var event =
        issueEvent(EventType.MILESTONES_CHANGED, "coord.nc", "360100", List.of("360113"), false);
    assertThat(policy.recipients(event, DEMO))
        .containsExactly("owner.hgt")
        .doesNotContain("coord.nc", "coord.hgt", "owner.zg", "manager.nc");
  }

  @Test
  void aMilestoneNamedByTheOwnerReachesTheHoldersNotTheOwner() {
    var event = issueEvent(EventType.MILESTONES_CHANGED, "owner.hgt", "360113", List.of(), false);
    assertThat(policy.recipients(event, DEMO)).containsExactly("coord.hgt");
  }

  @Test
  void aYellowLightStaysWithTheHolders() {
    var event = issueEvent(EventType.TURNED_YELLOW, null, "360100", List.of("360113"), false);
    assertThat(policy.recipients(event, DEMO)).containsExactlyInAnyOrder("coord.nc", "owner.hgt");
  }

  @ParameterizedTest
  @EnumSource(
      value = EventType.class,
      names = {"PROJECT_RED", "REPORT_MISSING"},
      mode = EnumSource.Mode.EXCLUDE)
  void noIssueEventEverReachesAnyoneOutsideTheIssuesScope(EventType type) {
    // a handling region outside the project's path (bad data) must not leak either
    var event = issueEvent(type, null, "360700", List.of("360702", "360113"), true);
    assertThat(policy.recipients(event, DEMO))
        .doesNotContain("coord.gz", "coord.zg", "owner.zg", "manager.gz")
        .allSatisfy(u -> assertThat(u).isIn("coord.hgt", "owner.hgt", "manager.nc", "manager.jx"));
  }

  @Test
  void aRedProjectReachesItsOwnersAndTheManagersAbove() {
    var event = projectEvent(EventType.PROJECT_RED);
    assertThat(policy.recipients(event, DEMO))
        .containsExactlyInAnyOrder("owner.zg", "manager.gz", "manager.jx")
        .doesNotContain("manager.nc");
  }

  @Test
  void aMissingReportReachesTheOwnersAndTheCountyCoordinators() {
    assertThat(policy.recipients(projectEvent(EventType.REPORT_MISSING), DEMO))
        .containsExactlyInAnyOrder("owner.zg", "coord.zg");
  }

  @Test
  void aMeetingReachesTheCasesPeopleAndTheAttendeesWhoMaySeeItOnly() {
    var event =
        withDetails(
            issueEvent(EventType.MEETING_SCHEDULED, "coord.nc", "360113", List.of(), false),
            Map.of(
                "attendees",
                "manager.nc,coord.gz,owner.zg,owner.hgt,nobody",
                "organiser",
                "coord.nc"));
    // the holder's coordinators and the reporter's org as always, plus manager.nc (in scope);
    // coord.gz and owner.zg are named but outside the case's scope, the organiser acted
    assertThat(policy.recipients(event, DEMO))
        .containsExactlyInAnyOrder("coord.hgt", "owner.hgt", "manager.nc");
  }

  @Test
  void anOverdueDecisionReachesTheResponsibleRegionAndTheOrganiserOnly() {
    var event =
        withDetails(
            issueEvent(EventType.DECISION_OVERDUE, "system", "360113", List.of(), false),
            Map.of(
                "responsibleRegion", "360100", "organiser", "coord.jx", "attendees", "manager.nc"));
    assertThat(policy.recipients(event, DEMO)).containsExactlyInAnyOrder("coord.nc", "coord.jx");
    var outside =
        withDetails(
            issueEvent(EventType.DECISION_OVERDUE, "system", "360113", List.of(), false),
            Map.of("responsibleRegion", "360700", "organiser", "coord.gz"));
    assertThat(policy.recipients(outside, DEMO)).isEmpty();
  }

  static InboundEvent withDetails(InboundEvent e, Map<String, Object> details) {
    return new InboundEvent(
        e.eventId(),
        e.source(),
        e.type(),
        e.occurredAt(),
        e.sequence(),
        e.actor(),
        e.subject(),
        details);
  }

  @Test
  void aReturnedReportReachesOnlyTheOwnersNotTheCoordinatorWhoReturnedIt() {
    var event = projectEvent(EventType.REPORT_RETURNED, "coord.zg", Map.of("period", "2026-10"));
    assertThat(policy.recipients(event, DEMO)).containsExactly("owner.zg");
  }

  @Test
  void aReportReminderReachesTheOwnersAndTheCountyOnlyWhenMarkedForIt() {
    var second =
        projectEvent(
            EventType.REPORT_REMINDER, "system", Map.of("reminder", 2, "period", "2026-10"));
    assertThat(policy.recipients(second, DEMO)).containsExactly("owner.zg");
    var third =
        projectEvent(
            EventType.REPORT_REMINDER,
            "system",
            Map.of("reminder", 3, "period", "2026-10", "countyCoordinator", true));
    assertThat(policy.recipients(third, DEMO)).containsExactlyInAnyOrder("owner.zg", "coord.zg");
  }

  @Test
  void aYellowProjectReachesTheOwnersAndTheCountyCoordinatorsNotTheManagers() {
    assertThat(policy.recipients(projectEvent(EventType.PROJECT_YELLOW), DEMO))
        .containsExactlyInAnyOrder("owner.zg", "coord.zg");
  }

  @Test
  void aMissedDoubleHalfReachesTheManagersOfThatRegionOnly() {
    var event =
        new InboundEvent(
            "e-dh",
            "project-service",
            EventType.DOUBLE_HALF_BEHIND,
            Instant.parse("2026-07-06T00:20:00Z"),
            1L,
            "system",
            Subject.region("360700:2026", "360700", "赣州市"),
            Map.of("year", 2026));
    assertThat(policy.recipients(event, DEMO)).containsExactly("manager.gz");
    var province =
        new InboundEvent(
            "e-dh-jx",
            "project-service",
            EventType.DOUBLE_HALF_BEHIND,
            Instant.parse("2026-07-06T00:20:00Z"),
            1L,
            "system",
            Subject.region("360000:2026", "360000", "江西省"),
            Map.of("year", 2026));
    assertThat(policy.recipients(province, DEMO)).containsExactly("manager.jx");
  }

  static DirectoryUser user(String name, PlatformRole role, String region, String org) {
    return new DirectoryUser(name, role, region, org, name + "@demo.local");
  }

  static InboundEvent issueEvent(
      EventType type, String actor, String handling, List<String> passed, boolean supervised) {
    return new InboundEvent(
        "e-" + type,
        "issue-service",
        type,
        Instant.parse("2026-11-26T08:00:00Z"),
        1L,
        actor,
        new Subject(
            SubjectKind.ISSUE,
            "i1",
            "JX-2026-000123",
            "征地拆迁受阻",
            "p1",
            "南昌地铁",
            "360113",
            "NORMAL",
            "GREEN",
            supervised,
            "OPEN",
            "CITY",
            handling,
            "owner.hgt",
            "org-nc-metro",
            passed,
            null,
            null,
            null),
        Map.of());
  }

  static InboundEvent projectEvent(EventType type) {
    return projectEvent(type, null, Map.of());
  }

  static InboundEvent projectEvent(EventType type, String actor, Map<String, Object> details) {
    return new InboundEvent(
        "e-" + type,
        "project-service",
        type,
        Instant.parse("2026-11-26T08:00:00Z"),
        1L,
        actor,
        new Subject(
            SubjectKind.PROJECT,
            "p9",
            null,
            null,
            null,
            null,
            "360702",
            null,
            "RED",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            "JX-P-9",
            "赣州电厂",
            "org-gz-energy"),
        details);
  }
}
