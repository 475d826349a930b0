package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.CaseDeadlines;
import cn.gov.jx.majorprojects.issues.policy.PolicyService;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The actions on a case. Each one is a single conditional update of the issue document on the
 * version that was read: the state change, its timeline entry and its outbox event are one write,
 * so a concurrent change makes it fail (409) instead of being lost.
 */
@Service
class CaseService {

  static final String SYSTEM = "system";

  private static final int MESSAGE_ATTEMPTS = 5;

  private final IssueService issues;
  private final MongoTemplate mongo;
  private final PolicyService policies;
  private final CalendarService calendars;
  private final RegionTree tree;
  private final java.time.Clock clock;
  private final CaseStats stats;

  CaseService(
      IssueService issues,
      MongoTemplate mongo,
      PolicyService policies,
      CalendarService calendars,
      RegionTree tree,
      java.time.Clock clock,
      CaseStats stats) {
    this.stats = stats;
    this.issues = issues;
    this.mongo = mongo;
    this.policies = policies;
    this.calendars = calendars;
    this.tree = tree;
    this.clock = clock;
  }

  java.time.Clock clock() {
    return clock;
  }

  /** One timeline entry and the change of the case that goes with it. */
  record Step(String type, String actor, Map<String, String> details, Consumer<Issue> change) {}

  static Map<String, String> details(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        out.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return out;
  }

  IssueView accept(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = forHolder(id, expectedVersion, user);
    requireStatus(issue, "accepted", IssueStatus.OPEN);
    Instant now = clock.instant();
    return view(
        write(
            issue,
            now,
            new Step(
                "ACCEPTED",
                user.username(),
                details("acceptDueAt", String.valueOf(issue.acceptDueAt)),
                i -> {
                  i.status = IssueStatus.IN_PROGRESS;
                  i.acceptedAt = now;
                })),
        now);
  }

  IssueView escalate(String id, String reason, Long expectedVersion, PlatformUser user) {
    Issue issue = forHolder(id, expectedVersion, user);
    requireStatus(issue, "escalated", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    Instant now = clock.instant();
    return view(
        write(issue, now, escalation(issue, "ESCALATED", user.username(), reason, now)), now);
  }

  /** The step that moves a case to the parent region; 409 at province level. */
  Step escalation(Issue issue, String type, String actor, String reason, Instant now) {
    if (issue.level == RegionLevel.PROVINCE || issue.level.up() == null) {
      throw new ConflictException(
          "Issue " + issue.number + " is already at province level; there is no level above it");
    }
    String parent =
        tree.parent(issue.handlingRegion)
            .map(Region::code)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Region " + issue.handlingRegion + " has no parent to escalate to"));
    RegionLevel up = issue.level.up();
    boolean late = "AUTO_ESCALATED".equals(type);
    return new Step(
        type,
        actor,
        details("reason", reason),
        i -> {
          moveTo(i, up, parent, now);
          i.escalatedForLateness = late;
        });
  }

  IssueView returnDown(String id, String instruction, Long expectedVersion, PlatformUser user) {
    Issue issue = forHolder(id, expectedVersion, user);
    requireStatus(issue, "returned", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (issue.level == RegionLevel.COUNTY) {
      throw new ConflictException(
          "Issue " + issue.number + " is at county level; there is no level below to return it to");
    }
    List<String> path = tree.pathToRoot(issue.projectRegion).stream().map(Region::code).toList();
    int here = path.indexOf(issue.handlingRegion);
    if (here < 1) {
      throw new ConflictException(
          "Region " + issue.handlingRegion + " is not above the project's county");
    }
    String below = path.get(here - 1);
    RegionLevel down = RegionLevel.ofCode(below);
    Instant now = clock.instant();
    String bounce = String.valueOf(issue.escalatedForLateness);
    return view(
        write(
            issue,
            now,
            new Step(
                "RETURNED",
                user.username(),
                details("instruction", instruction, "bounce", bounce),
                i -> {
                  moveTo(i, down, below, now);
                  i.escalatedForLateness = false;
                })),
        now);
  }

  IssueView resolve(String id, String resolution, Long expectedVersion, PlatformUser user) {
    Issue issue = forHolder(id, expectedVersion, user);
    if (issue.status == IssueStatus.OPEN) {
      throw new ConflictException(
          "Issue " + issue.number + " must be accepted before it is resolved");
    }
    requireStatus(issue, "resolved", IssueStatus.IN_PROGRESS);
    Instant now = clock.instant();
    boolean onTime = !now.isAfter(issue.dueAt);
    return view(
        write(
            issue,
            now,
            new Step(
                "RESOLVED",
                user.username(),
                details("resolution", resolution, "onTime", String.valueOf(onTime)),
                i -> {
                  i.status = IssueStatus.RESOLVED;
                  i.resolvedAt = now;
                  i.resolution = resolution;
                })),
        now);
  }

  IssueView confirm(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = forReporter(id, expectedVersion, user);
    requireStatus(issue, "confirmed", IssueStatus.RESOLVED);
    if (!issue.openDecisions.isEmpty()) {
      throw new ConflictException(
          "Issue "
              + issue.number
              + " cannot be closed while a coordination meeting decision on it is open: "
              + issue.openDecisions);
    }
    Instant now = clock.instant();
    return view(
        write(
            issue,
            now,
            new Step(
                "CLOSED",
                user.username(),
                details(),
                i -> {
                  i.status = IssueStatus.CLOSED;
                  i.closedAt = now;
                })),
        now);
  }

  IssueView reopen(String id, String reason, Long expectedVersion, PlatformUser user) {
    Issue issue = forReporter(id, expectedVersion, user);
    requireStatus(issue, "reopened", IssueStatus.RESOLVED);
    Instant now = clock.instant();
    return view(
        write(
            issue,
            now,
            new Step(
                "REOPENED",
                user.username(),
                details("reason", reason),
                i -> {
                  // same level and region, fresh deadlines: the holder works on it again
                  moveTo(i, i.level, i.handlingRegion, now);
                  i.status = IssueStatus.IN_PROGRESS;
                  i.acceptedAt = now;
                  i.resolvedAt = null;
                  i.resolution = null;
                })),
        now);
  }

  /** A manager whose region contains the case puts it under supervision: less time remains. */
  IssueView supervise(String id, String note, Long expectedVersion, PlatformUser user) {
    Issue issue = issues.visible(id, user);
    if (!user.has(PlatformRole.MANAGER)) {
      throw new AccessDeniedException("only managers supervise cases");
    }
    checkVersion(issue, expectedVersion);
    requireStatus(issue, "supervised", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (issue.supervised) {
      throw new ConflictException("Issue " + issue.number + " is already supervised");
    }
    Instant now = clock.instant();
    WorkingCalendar calendar = calendars.workingCalendar();
    Instant due = EscalationPolicy.supervisedDueAt(calendar, now, issue.dueAt);
    return view(
        write(
            issue,
            now,
            new Step(
                "SUPERVISED",
                user.username(),
                details(
                    "note", note, "previousDueAt", issue.dueAt.toString(), "dueAt", due.toString()),
                i -> {
                  i.supervised = true;
                  i.supervisedBy = user.username();
                  setDueAt(i, due, calendar, now);
                })),
        now);
  }

  /** The holder asks the region above for a later deadline; one open request at a time. */
  ExtensionRequest requestExtension(String id, Instant newDueAt, String reason, PlatformUser user) {
    Issue issue = forHolder(id, null, user);
    requireStatus(issue, "extended", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (!newDueAt.isAfter(issue.dueAt)) {
      throw BadRequestException.field(
          "newDueAt", "must be later than the current deadline " + issue.dueAt);
    }
    if (issue.extensionRequests.stream()
        .anyMatch(r -> r.status() == ExtensionRequest.Status.PENDING)) {
      throw new ConflictException(
          "Issue " + issue.number + " already has an extension request waiting for a decision");
    }
    String parent =
        tree.parent(issue.handlingRegion)
            .map(Region::code)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Issue "
                            + issue.number
                            + " is at province level; no region above approves more time"));
    Instant now = clock.instant();
    ExtensionRequest request =
        new ExtensionRequest(
            new ObjectId().toHexString(),
            newDueAt,
            reason,
            user.username(),
            now,
            issue.level,
            issue.handlingRegion,
            parent,
            ExtensionRequest.Status.PENDING,
            null,
            null);
    write(
        issue,
        now,
        new Step(
            "EXTENSION_REQUESTED",
            user.username(),
            details("requestId", request.id(), "newDueAt", newDueAt.toString(), "reason", reason),
            i -> i.extensionRequests.add(request)));
    return request;
  }

  /** A coordinator or manager of the region above decides; only an approval moves the deadline. */
  ExtensionRequest decideExtension(
      String id, String requestId, boolean approve, PlatformUser user) {
    Issue issue = issues.visible(id, user);
    ExtensionRequest request =
        issue.extensionRequests.stream()
            .filter(r -> r.id().equals(requestId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Extension request", requestId));
    if (!user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER)
        || !request.approverRegion().equals(user.region())) {
      throw new AccessDeniedException(
          "only coordinators or managers of region " + request.approverRegion() + " decide");
    }
    if (request.status() != ExtensionRequest.Status.PENDING) {
      throw new ConflictException(
          "Extension request " + requestId + " is already " + request.status());
    }
    if (!request.handlingRegion().equals(issue.handlingRegion)
        || (issue.status != IssueStatus.OPEN && issue.status != IssueStatus.IN_PROGRESS)) {
      throw new ConflictException(
          "Issue " + issue.number + " has moved on since the request; it can no longer be decided");
    }
    Instant now = clock.instant();
    WorkingCalendar calendar = calendars.workingCalendar();
    ExtensionRequest decided =
        request.decided(
            approve ? ExtensionRequest.Status.APPROVED : ExtensionRequest.Status.DECLINED,
            user.username(),
            now);
    write(
        issue,
        now,
        new Step(
            "EXTENSION_DECIDED",
            user.username(),
            details(
                "requestId",
                requestId,
                "decision",
                decided.status().name(),
                "newDueAt",
                request.newDueAt().toString()),
            i -> {
              i.extensionRequests.replaceAll(r -> r.id().equals(requestId) ? decided : r);
              if (approve) {
                setDueAt(i, request.newDueAt(), calendar, now);
              }
            }));
    return decided;
  }

  private static void setDueAt(Issue i, Instant due, WorkingCalendar calendar, Instant now) {
    i.dueAt = due;
    i.yellowAt = calendar.instantAtShare(i.levelSince, due, Warning.YELLOW_SHARE);
    // a recorded colour stands only while it still holds under the new deadline
    Warning current = Warning.of(calendar, i.levelSince, due, now);
    if (current.ordinal() < i.notedWarning.ordinal()) {
      i.notedWarning = current;
    }
  }

  /**
   * Records a message in the timeline; retried on a concurrent change since it changes no state.
   */
  Issue postMessage(String id, String messageId, String body, PlatformUser user) {
    for (int attempt = 1; ; attempt++) {
      Issue issue = issues.visible(id, user);
      try {
        return write(
            issue,
            clock.instant(),
            new Step(
                "MESSAGE_POSTED",
                user.username(),
                details("messageId", messageId, "body", body),
                i -> {}));
      } catch (ConflictException e) {
        if (attempt >= MESSAGE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Moves the case to a level and region with fresh deadlines under the case's own policy. */
  void moveTo(Issue i, RegionLevel level, String region, Instant now) {
    WorkingCalendar calendar = calendars.workingCalendar();
    CaseDeadlines deadlines =
        policies.version(i.policyVersion).deadlinesFor(calendar, level, i.urgency, now);
    i.level = level;
    i.handlingRegion = region;
    if (!i.regionsPassed.contains(region)) {
      i.regionsPassed.add(region);
    }
    i.status = IssueStatus.OPEN;
    i.levelSince = now;
    i.acceptDueAt = deadlines.acceptDueAt();
    i.dueAt = deadlines.dueAt();
    i.yellowAt = calendar.instantAtShare(now, deadlines.dueAt(), Warning.YELLOW_SHARE);
    i.notedWarning = Warning.GREEN;
    i.acceptedAt = null;
  }

  /**
   * Applies the steps to the case and writes state, entries and events in one update conditional on
   * the version read; 409 when someone else changed the case meanwhile.
   */
  Issue write(Issue issue, Instant now, Step... steps) {
    WorkingCalendar calendar = calendars.workingCalendar();
    long readVersion = issue.version;
    List<TimelineEntry> entries = new ArrayList<>();
    List<OutboxEvent> events = new ArrayList<>();
    List<CaseStats.Before> befores = new ArrayList<>();
    for (Step step : Arrays.asList(steps)) {
      befores.add(CaseStats.Before.of(issue));
      RegionLevel fromLevel = issue.level;
      String fromRegion = issue.handlingRegion;
      step.change().accept(issue);
      TimelineEntry entry =
          TimelineEntry.next(
              issue.lastEntry(),
              step.type(),
              step.actor(),
              now,
              fromLevel,
              fromRegion,
              issue.level,
              issue.handlingRegion,
              step.details());
      issue.timeline.add(entry);
      entries.add(entry);
      events.add(Events.of(issue, entry, IssueService.warningOf(issue, calendar, now)));
    }
    Update update =
        new Update()
            .set("status", issue.status)
            .set("level", issue.level)
            .set("handlingRegion", issue.handlingRegion)
            .set("regionsPassed", issue.regionsPassed)
            .set("levelSince", issue.levelSince)
            .set("acceptDueAt", issue.acceptDueAt)
            .set("dueAt", issue.dueAt)
            .set("yellowAt", issue.yellowAt)
            .set("notedWarning", issue.notedWarning)
            .set("supervised", issue.supervised)
            .set("supervisedBy", issue.supervisedBy)
            .set("extensionRequests", issue.extensionRequests)
            .set("openDecisions", issue.openDecisions)
            .set("escalatedForLateness", issue.escalatedForLateness)
            .set("acceptedAt", issue.acceptedAt)
            .set("resolvedAt", issue.resolvedAt)
            .set("closedAt", issue.closedAt)
            .set("resolution", issue.resolution)
            .inc("version", 1);
    update.push("timeline").each(entries.toArray());
    update.push("outbox").each(events.toArray());
    var result =
        mongo.updateFirst(
            Query.query(Criteria.where("_id").is(issue.id).and("version").is(readVersion)),
            update,
            Issue.class);
    if (result.getMatchedCount() == 0) {
      throw new ConflictException(
          "Issue "
              + issue.number
              + " was changed by someone else meanwhile (version "
              + readVersion
              + " is stale); reload it and try again");
    }
    issue.version = readVersion + 1;
    // after the case's own write: counters follow it, a crash in between loses a count, not a case
    for (int k = 0; k < entries.size(); k++) {
      stats.record(issue, entries.get(k), befores.get(k), calendar);
    }
    return issue;
  }

  /** Visible, and the caller is a coordinator of the region that holds it now. */
  private Issue forHolder(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = issues.visible(id, user);
    // the role before the version: a caller who may not act is told so, not to reload
    if (user.has(PlatformRole.COORDINATOR) && issue.handlingRegion.equals(user.region())) {
      checkVersion(issue, expectedVersion);
      return issue;
    }
    if (user.has(PlatformRole.COORDINATOR) && issue.regionsPassed.contains(user.region())) {
      // a former holder acting on what it last saw: its view is stale, not its role
      throw new ConflictException(
          "Issue " + issue.number + " is now held by region " + issue.handlingRegion);
    }
    throw new AccessDeniedException(
        "only coordinators of region " + issue.handlingRegion + " act on this case now");
  }

  /** Visible, and the caller is an owner of the project's org (the reporter's side). */
  private Issue forReporter(String id, Long expectedVersion, PlatformUser user) {
    Issue issue = issues.visible(id, user);
    if (!user.has(PlatformRole.OWNER) || !issue.ownerOrg.equals(user.org())) {
      throw new AccessDeniedException("only the reporting organisation confirms or reopens");
    }
    checkVersion(issue, expectedVersion);
    return issue;
  }

  private static void checkVersion(Issue issue, Long expectedVersion) {
    if (expectedVersion != null && !expectedVersion.equals(issue.version)) {
      throw new ConflictException(
          "Issue "
              + issue.number
              + " is at version "
              + issue.version
              + ", not "
              + expectedVersion
              + "; reload it and try again");
    }
  }

  private static void requireStatus(Issue issue, String action, IssueStatus... allowed) {
    if (!Arrays.asList(allowed).contains(issue.status)) {
      throw new ConflictException(
          "Issue " + issue.number + " is " + issue.status + " and cannot be " + action + " now");
    }
  }

  private IssueView view(Issue issue, Instant now) {
    return IssueService.view(issue, calendars.workingCalendar(), now);
  }
}
