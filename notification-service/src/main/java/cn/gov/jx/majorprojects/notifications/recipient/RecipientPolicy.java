package cn.gov.jx.majorprojects.notifications.recipient;

import static cn.gov.jx.majorprojects.notifications.event.EventType.*;

import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.event.InboundEvent;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.SubjectKind;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who hears of an event. Issue events: coordinators of the region now holding it and the reporter's
 * organisation owners always; coordinators of the levels it passed through on moves and outcomes;
 * managers of the project's region and its ancestors when it turns red or is supervised. Project
 * events: the owner organisation's owners, plus the county's coordinators for a missing report and
 * the managers up the tree for a red project. Never the actor; never anyone outside the scope (a
 * region on the path from the project's county to the root; owners: the subject's organisation).
 */
@Component
public class RecipientPolicy {

  /** Moves and outcomes the levels that handled the issue earlier should hear of. */
  static final Set<EventType> TO_EARLIER_LEVELS =
      EnumSet.of(
          ESCALATED,
          AUTO_ESCALATED,
          RETURNED,
          RESOLVED,
          REOPENED,
          CLOSED,
          SUPERVISED,
          TURNED_RED,
          DECISION_RECORDED,
          DECISION_DONE);

  static final Set<EventType> TO_MANAGERS = EnumSet.of(TURNED_RED, SUPERVISED, PROJECT_RED);

  /** Meeting events that also go to the users they name (attendees), within the issue's scope. */
  static final Set<EventType> TO_ATTENDEES = EnumSet.of(MEETING_SCHEDULED, DECISION_RECORDED);

  private final RegionTree regions;

  public RecipientPolicy(RegionTree regions) {
    this.regions = regions;
  }

  public Set<String> recipients(InboundEvent event, UserDirectory directory) {
    Subject subject = event.subject();
    Set<String> scope =
        regions.pathToRoot(subject.projectRegion()).stream()
            .map(Region::code)
            .collect(Collectors.toSet());
    Set<String> out = new LinkedHashSet<>();
    if (subject.kind() == SubjectKind.ISSUE && event.type() == DECISION_OVERDUE) {
      // only who answers for the decision: the responsible region's coordinators, the organiser
      Object region = event.details().get("responsibleRegion");
      add(out, directory, PlatformRole.COORDINATOR, u -> u.region().equals(region), scope);
      addNamed(out, directory, event.details().get("organiser"), subject, scope);
      out.remove(event.actor());
      return out;
    }
    if (subject.kind() == SubjectKind.ISSUE && TO_ATTENDEES.contains(event.type())) {
      addNamed(out, directory, event.details().get("attendees"), subject, scope);
    }
    if (subject.kind() == SubjectKind.ISSUE) {
      Set<String> holders = new LinkedHashSet<>();
      if (subject.handlingRegion() != null) {
        holders.add(subject.handlingRegion());
      }
      if (TO_EARLIER_LEVELS.contains(event.type())) {
        holders.addAll(subject.regionsPassed());
        Object from = event.details().get("fromRegion");
        if (from instanceof String region) {
          holders.add(region);
        }
      }
      add(out, directory, PlatformRole.COORDINATOR, u -> holders.contains(u.region()), scope);
      addOwners(out, directory, subject.reporterOrg());
    } else {
      addOwners(out, directory, subject.ownerOrg());
      if (event.type() == REPORT_MISSING) {
        add(
            out,
            directory,
            PlatformRole.COORDINATOR,
            u -> subject.projectRegion().equals(u.region()),
            scope);
      }
    }
    if (TO_MANAGERS.contains(event.type())) {
      add(out, directory, PlatformRole.MANAGER, u -> true, scope);
    }
    out.remove(event.actor());
    return out;
  }

  /** The coordinators of the region holding an issue now (in the issue's scope): who must act. */
  public Set<String> holders(Subject subject, UserDirectory directory) {
    Set<String> out = new LinkedHashSet<>();
    if (subject.handlingRegion() == null) {
      return out;
    }
    Set<String> scope =
        regions.pathToRoot(subject.projectRegion()).stream()
            .map(Region::code)
            .collect(Collectors.toSet());
    add(
        out,
        directory,
        PlatformRole.COORDINATOR,
        u -> subject.handlingRegion().equals(u.region()),
        scope);
    return out;
  }

  private void add(
      Set<String> out,
      UserDirectory directory,
      PlatformRole role,
      Predicate<DirectoryUser> wanted,
      Set<String> scope) {
    List<DirectoryUser> users = directory.usersWithRole(role);
    users.stream()
        .filter(u -> u.region() != null && scope.contains(u.region()))
        .filter(wanted)
        .map(DirectoryUser::username)
        .forEach(out::add);
  }

  /**
   * Users named in a detail (comma-separated usernames) who may see the issue: regional users of a
   * region in its scope, or owners of the reporting organisation; anyone else is left out.
   */
  private void addNamed(
      Set<String> out, UserDirectory directory, Object names, Subject subject, Set<String> scope) {
    if (!(names instanceof String list) || list.isBlank()) {
      return;
    }
    Set<String> wanted = Set.of(list.split(","));
    for (PlatformRole role : PlatformRole.values()) {
      directory.usersWithRole(role).stream()
          .filter(u -> wanted.contains(u.username()))
          .filter(
              u ->
                  role == PlatformRole.OWNER
                      ? Objects.equals(subject.reporterOrg(), u.org())
                      : u.region() != null && scope.contains(u.region()))
          .map(DirectoryUser::username)
          .forEach(out::add);
    }
  }

  private void addOwners(Set<String> out, UserDirectory directory, String org) {
    if (org == null || org.isBlank()) {
      return;
    }
    directory.usersWithRole(PlatformRole.OWNER).stream()
        .filter(u -> Objects.equals(org, u.org()))
        .map(DirectoryUser::username)
        .forEach(out::add);
  }
}
