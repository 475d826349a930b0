package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.CaseDeadlines;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blocker of one project: its own case, thread and timeline (一事一议). Every change is a method here
 * that checks the case's state (409 when it does not allow the change), changes it, appends a
 * hash-chained timeline entry and the event for notification-service, and answers that {@link
 * Change}; {@link IssueStore} writes what was appended since the case was read in one conditional
 * update. Who may call which method is the services' business, not the case's.
 */
@Document("issues")
// the overdue sweep: status + level + dueAt, so it reads only the due cases, never all of them
@CompoundIndex(name = "status_level_due", def = "{'status': 1, 'level': 1, 'dueAt': 1}")
// the acceptance sweep: cases still OPEN past their acceptance deadline
@CompoundIndex(name = "status_level_accept", def = "{'status': 1, 'level': 1, 'acceptDueAt': 1}")
// the colour sweep: cases past 80 % of their time that were not yet noted yellow
@CompoundIndex(name = "status_yellow", def = "{'status': 1, 'yellowAt': 1}")
// the reminder sweep: running cases that once turned red
@CompoundIndex(name = "status_red", def = "{'status': 1, 'redOn': 1}")
// scoped lists: by the project's county (regional users) or by the owner's org, newest first
@CompoundIndex(
    name = "region_status_created",
    def = "{'projectRegion': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "org_created", def = "{'ownerOrg': 1, 'createdAt': -1}")
// scoped lists by deadline (sort=warning: one query per colour, each by dueAt)
@CompoundIndex(name = "region_status_due", def = "{'projectRegion': 1, 'status': 1, 'dueAt': 1}")
// the cases a unit received in a period (handledBy): arrivals in the timeline
@CompoundIndex(name = "handled_arrivals", def = "{'timeline.toRegion': 1, 'timeline.at': 1}")
@CompoundIndex(name = "handling_status", def = "{'handlingRegion': 1, 'status': 1}")
@CompoundIndex(name = "project_created", def = "{'projectId': 1, 'createdAt': -1}")
// the outbox relay: only documents with undelivered events
@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true)
public class Issue {

  /** The actor of what the platform does by itself (sweep). */
  public static final String SYSTEM = "system";

  /** The reason of an escalation for lateness. */
  public static final String OVERDUE = "OVERDUE";

  /** The reason of an escalation of a case nobody accepted in time. */
  public static final String NOT_ACCEPTED = "NOT_ACCEPTED";

  @Id String id;

  @Indexed(unique = true)
  String number;

  // "<reporter>:<Idempotency-Key>", or a random one without the header; unique so retries clash
  @Indexed(unique = true)
  String idempotencyKey;

  String requestHash;

  String projectId;
  String projectName;
  String projectRegion;
  String ownerOrg;

  String title;
  String description;
  String helpWanted;
  // the milestones of the project's plan this blocker holds up (ids of project-service's plan)
  List<String> milestoneIds = new ArrayList<>();
  Category category;
  Urgency urgency;

  IssueStatus status;
  RegionLevel level;
  String handlingRegion;
  List<String> regionsPassed = new ArrayList<>();

  // when the case arrived at its current level: the start of its deadlines and colour
  Instant levelSince;
  Instant acceptDueAt;
  Instant dueAt;
  // when 80 % of the working time at this level is used (turns yellow)
  Instant yellowAt;
  // the colour already recorded in the timeline for this stay at this level
  Warning notedWarning = Warning.GREEN;
  // the day (Shanghai) the case first turned red, and its daily "still red" reminders since
  String redOn;
  int remindersSent;
  String lastRemindedOn;
  boolean supervised;
  String supervisedBy;
  List<ExtensionRequest> extensionRequests = new ArrayList<>();
  // decisions of coordination meetings not yet carried out: the case cannot be closed meanwhile
  List<String> openDecisions = new ArrayList<>();
  // the last move up was the sweep's (for lateness), so a return counts as a bounce
  boolean escalatedForLateness;
  Instant acceptedAt;
  Instant resolvedAt;
  Instant closedAt;
  String resolution;
  int policyVersion;

  String reporter;
  String reporterOrg;
  Instant createdAt;

  List<TimelineEntry> timeline = new ArrayList<>();

  // events not yet delivered to notification-service, written with the change that caused them
  List<EventEnvelope> outbox = new ArrayList<>();
  // a relay replica holds the outbox until then (claim), or it waits for a retry (back-off)
  Instant claimedUntil;
  int outboxAttempts;

  @Version Long version;

  // what happened since the case was read, for the store to write
  @Transient private final List<Step> unwritten = new ArrayList<>();

  /** What a new case is made of; the deadlines come from the policy in force. */
  public record Submission(
      String idempotencyKey,
      String requestHash,
      String number,
      String projectId,
      String projectName,
      String projectRegion,
      String ownerOrg,
      String title,
      String description,
      Category category,
      Urgency urgency,
      String helpWanted,
      String reporter,
      String reporterOrg) {}

  /** The case as it was just before an entry's change (what the counters need). */
  public record Before(String region, Instant levelSince, Instant acceptDueAt, Instant dueAt) {}

  /**
   * One entry the case gained, the event that tells others, and the case just before; a reminder is
   * an event without an entry.
   */
  public record Step(TimelineEntry entry, EventEnvelope event, Before before) {}

  /** What one call changed: its entries and events, in order. */
  public record Change(List<Step> steps) {

    public List<TimelineEntry> entries() {
      return steps.stream().map(Step::entry).filter(Objects::nonNull).toList();
    }

    public List<EventEnvelope> events() {
      return steps.stream().map(Step::event).toList();
    }
  }

  /** A new case at the county of its project, under the policy version given. */
  public static Issue submit(Submission s, int policyVersion, Instant now, CaseRules rules) {
    return submit(s, List.of(), policyVersion, now, rules);
  }

  /** A new case that holds up the milestones given (ids checked by the caller). */
  public static Issue submit(
      Submission s, List<String> milestoneIds, int policyVersion, Instant now, CaseRules rules) {
    Issue issue = new Issue();
    issue.milestoneIds = new ArrayList<>(milestoneIds);
    // the id is set now so the event carries it; the insert still fails on a duplicate key
    issue.id = new ObjectId().toHexString();
    issue.idempotencyKey = s.idempotencyKey();
    issue.requestHash = s.requestHash();
    issue.number = s.number();
    issue.projectId = s.projectId();
    issue.projectName = s.projectName();
    issue.projectRegion = s.projectRegion();
    issue.ownerOrg = s.ownerOrg();
    issue.title = s.title();
    issue.description = s.description();
    issue.helpWanted = s.helpWanted();
    issue.category = s.category();
    issue.urgency = s.urgency();
    issue.policyVersion = policyVersion;
    issue.reporter = s.reporter();
    issue.reporterOrg = s.reporterOrg();
    issue.createdAt = now;
    issue.record(
        "SUBMITTED",
        s.reporter(),
        now,
        rules,
        details(
            "title",
            s.title(),
            "urgency",
            s.urgency().name(),
            "policyVersion",
            String.valueOf(policyVersion)),
        () -> issue.arriveAt(RegionLevel.COUNTY, s.projectRegion(), now, rules));
    return issue;
  }

  public Change accept(String actor, Instant now, CaseRules rules) {
    requireStatus("accepted", IssueStatus.OPEN);
    return record(
        "ACCEPTED",
        actor,
        now,
        rules,
        details("acceptDueAt", String.valueOf(acceptDueAt)),
        () -> {
          status = IssueStatus.IN_PROGRESS;
          acceptedAt = now;
        });
  }

  /** Up to the parent region with fresh deadlines; 409 at province level. */
  public Change escalate(String actor, String reason, Instant now, CaseRules rules) {
    requireStatus("escalated", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    return moveUp("ESCALATED", actor, reason, now, rules);
  }

  /**
   * What the sweep does to a running case past its deadline: recorded red (once per level) and,
   * below the province, escalated for lateness.
   */
  public Change overdue(Instant now, CaseRules rules) {
    requireStatus("escalated", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (!now.isAfter(dueAt)) {
      throw new ConflictException("Issue " + number + " is not overdue");
    }
    return late(OVERDUE, now, rules);
  }

  /**
   * What the sweep does to a case nobody accepted by its acceptance deadline: like an overdue case,
   * recorded red (once per level) and, below the province, escalated (reason NOT_ACCEPTED).
   */
  public Change notAccepted(Instant now, CaseRules rules) {
    requireStatus("escalated for not being accepted", IssueStatus.OPEN);
    if (acceptDueAt == null || !now.isAfter(acceptDueAt)) {
      throw new ConflictException("Issue " + number + " is still within its acceptance time");
    }
    return late(NOT_ACCEPTED, now, rules);
  }

  /** Red (once per level) and, below the province, up for lateness with the reason given. */
  private Change late(String reason, Instant now, CaseRules rules) {
    List<Step> steps = new ArrayList<>();
    if (notedWarning != Warning.RED) {
      steps.addAll(turned(Warning.RED, now, rules).steps());
    }
    if (level != RegionLevel.PROVINCE) {
      steps.addAll(moveUp("AUTO_ESCALATED", SYSTEM, reason, now, rules).steps());
    }
    return new Change(List.copyOf(steps));
  }

  /** The colour the sweep noticed, recorded once per stay at a level. */
  public Change turned(Warning colour, Instant now, CaseRules rules) {
    if (colour == Warning.GREEN || colour.ordinal() <= notedWarning.ordinal()) {
      throw new ConflictException("Issue " + number + " is already noted " + notedWarning);
    }
    return record(
        "TURNED_" + colour.name(),
        SYSTEM,
        now,
        rules,
        details(),
        () -> {
          notedWarning = colour;
          if (colour == Warning.RED && redOn == null) {
            redOn = now.atZone(WorkingCalendar.ZONE).toLocalDate().toString();
          }
        });
  }

  /**
   * The daily reminder to whoever holds a case that once turned red: on each working day after the
   * day it turned red, once, at most {@code max} times, while it is worked on (not while it waits
   * for the reporter, never once closed). An event without a timeline entry: it carries the latest
   * entry's sequence, so it keeps its place among the case's events.
   */
  public Change remindStillRed(LocalDate today, int max, Instant now, CaseRules rules) {
    String day = today.toString();
    if (!running() || redOn == null) {
      throw new ConflictException("Issue " + number + " is not a red case being worked on");
    }
    if (remindersSent >= max || day.compareTo(redOn) <= 0 || day.equals(lastRemindedOn)) {
      throw new ConflictException("Issue " + number + " has no reminder due on " + day);
    }
    if (!rules.calendar().isWorkingDay(today)) {
      throw new ConflictException(day + " is not a working day");
    }
    Before before = before();
    remindersSent++;
    lastRemindedOn = day;
    Step step =
        new Step(
            null,
            Events.reminder(this, remindersSent, max, day, warningAt(rules.calendar(), now), now),
            before);
    unwritten.add(step);
    return new Change(List.of(step));
  }

  private Change moveUp(String type, String actor, String reason, Instant now, CaseRules rules) {
    if (level == RegionLevel.PROVINCE || level.up() == null) {
      throw new ConflictException(
          "Issue " + number + " is already at province level; there is no level above it");
    }
    String parent =
        regionAbove(rules, "Region " + handlingRegion + " has no parent to escalate to");
    RegionLevel up = level.up();
    boolean late = "AUTO_ESCALATED".equals(type);
    return record(
        type,
        actor,
        now,
        rules,
        details("reason", reason),
        () -> {
          arriveAt(up, parent, now, rules);
          escalatedForLateness = late;
        });
  }

  /** Down to the region it came from, towards the project's county; 409 at county level. */
  public Change returnDown(String actor, String instruction, Instant now, CaseRules rules) {
    requireStatus("returned", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (level == RegionLevel.COUNTY) {
      throw new ConflictException(
          "Issue " + number + " is at county level; there is no level below to return it to");
    }
    List<String> path = rules.tree().pathToRoot(projectRegion).stream().map(Region::code).toList();
    int here = path.indexOf(handlingRegion);
    if (here < 1) {
      throw new ConflictException(
          "Region " + handlingRegion + " is not above the project's county");
    }
    String below = path.get(here - 1);
    RegionLevel down = RegionLevel.ofCode(below);
    String bounce = String.valueOf(escalatedForLateness);
    return record(
        "RETURNED",
        actor,
        now,
        rules,
        details("instruction", instruction, "bounce", bounce),
        () -> {
          arriveAt(down, below, now, rules);
          escalatedForLateness = false;
        });
  }

  public Change resolve(String actor, String resolution, Instant now, CaseRules rules) {
    if (status == IssueStatus.OPEN) {
      throw new ConflictException("Issue " + number + " must be accepted before it is resolved");
    }
    requireStatus("resolved", IssueStatus.IN_PROGRESS);
    boolean onTime = !now.isAfter(dueAt);
    return record(
        "RESOLVED",
        actor,
        now,
        rules,
        details("resolution", resolution, "onTime", String.valueOf(onTime)),
        () -> {
          status = IssueStatus.RESOLVED;
          resolvedAt = now;
          this.resolution = resolution;
        });
  }

  /** The reporter's side accepts the resolution; 409 while a meeting decision is open. */
  public Change confirm(String actor, Instant now, CaseRules rules) {
    requireStatus("confirmed", IssueStatus.RESOLVED);
    if (!openDecisions.isEmpty()) {
      throw new ConflictException(
          "Issue "
              + number
              + " cannot be closed while a coordination meeting decision on it is open: "
              + openDecisions);
    }
    return record(
        "CLOSED",
        actor,
        now,
        rules,
        details(),
        () -> {
          status = IssueStatus.CLOSED;
          closedAt = now;
        });
  }

  /** Back to work at the same level and region, with fresh deadlines. */
  public Change reopen(String actor, String reason, Instant now, CaseRules rules) {
    requireStatus("reopened", IssueStatus.RESOLVED);
    return record(
        "REOPENED",
        actor,
        now,
        rules,
        details("reason", reason),
        () -> {
          arriveAt(level, handlingRegion, now, rules);
          status = IssueStatus.IN_PROGRESS;
          acceptedAt = now;
          resolvedAt = null;
          this.resolution = null;
        });
  }

  /**
   * The milestones it holds up, as the reporter or the holder names them now (ids checked by the
   * caller); 409 once closed or when nothing changes.
   */
  public Change changeMilestones(String actor, List<String> ids, Instant now, CaseRules rules) {
    requireStatus(
        "linked to milestones", IssueStatus.OPEN, IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED);
    if (milestoneIds.equals(ids)) {
      throw new ConflictException("Issue " + number + " already names these milestones");
    }
    return record(
        "MILESTONES_CHANGED",
        actor,
        now,
        rules,
        details(
            "milestoneIds",
            String.join(",", ids),
            "previousMilestoneIds",
            String.join(",", milestoneIds)),
        () -> milestoneIds = new ArrayList<>(ids));
  }

  /** True while the case still holds things up (not resolved or closed). */
  public boolean open() {
    return running();
  }

  public List<String> milestoneIds() {
    return List.copyOf(milestoneIds);
  }

  public String projectId() {
    return projectId;
  }

  /** Under supervision less time remains (EscalationPolicy.supervisedDueAt). */
  public Change supervise(String actor, String note, Instant now, CaseRules rules) {
    requireStatus("supervised", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (supervised) {
      throw new ConflictException("Issue " + number + " is already supervised");
    }
    Instant due = EscalationPolicy.supervisedDueAt(rules.calendar(), now, dueAt);
    return record(
        "SUPERVISED",
        actor,
        now,
        rules,
        details("note", note, "previousDueAt", dueAt.toString(), "dueAt", due.toString()),
        () -> {
          supervised = true;
          supervisedBy = actor;
          moveDueAt(due, rules.calendar(), now);
        });
  }

  /** The holder asks the region above for a later deadline; one open request at a time. */
  public Change requestExtension(
      String requestId,
      String actor,
      Instant newDueAt,
      String reason,
      Instant now,
      CaseRules rules) {
    requireStatus("extended", IssueStatus.OPEN, IssueStatus.IN_PROGRESS);
    if (!newDueAt.isAfter(dueAt)) {
      throw BadRequestException.field(
          "newDueAt", "must be later than the current deadline " + dueAt);
    }
    if (extensionRequests.stream().anyMatch(r -> r.status() == ExtensionRequest.Status.PENDING)) {
      throw new ConflictException(
          "Issue " + number + " already has an extension request waiting for a decision");
    }
    String parent =
        regionAbove(
            rules, "Issue " + number + " is at province level; no region above approves more time");
    ExtensionRequest request =
        new ExtensionRequest(
            requestId,
            newDueAt,
            reason,
            actor,
            now,
            level,
            handlingRegion,
            parent,
            ExtensionRequest.Status.PENDING,
            null,
            null);
    return record(
        "EXTENSION_REQUESTED",
        actor,
        now,
        rules,
        details("requestId", requestId, "newDueAt", newDueAt.toString(), "reason", reason),
        () -> extensionRequests.add(request));
  }

  /** A pending request decided while the case is still where it asked; approval moves dueAt. */
  public Change decideExtension(
      String requestId, boolean approve, String actor, Instant now, CaseRules rules) {
    ExtensionRequest request =
        extensionRequest(requestId)
            .orElseThrow(() -> new ConflictException("No extension request " + requestId));
    if (request.status() != ExtensionRequest.Status.PENDING) {
      throw new ConflictException(
          "Extension request " + requestId + " is already " + request.status());
    }
    if (!request.handlingRegion().equals(handlingRegion) || !running()) {
      throw new ConflictException(
          "Issue " + number + " has moved on since the request; it can no longer be decided");
    }
    ExtensionRequest decided =
        request.decided(
            approve ? ExtensionRequest.Status.APPROVED : ExtensionRequest.Status.DECLINED,
            actor,
            now);
    return record(
        "EXTENSION_DECIDED",
        actor,
        now,
        rules,
        details(
            "requestId",
            requestId,
            "decision",
            decided.status().name(),
            "newDueAt",
            request.newDueAt().toString()),
        () -> {
          extensionRequests.replaceAll(r -> r.id().equals(requestId) ? decided : r);
          if (approve) {
            moveDueAt(request.newDueAt(), rules.calendar(), now);
          }
        });
  }

  /** A post in the case's thread; it changes no state, so it is allowed in every status. */
  public Change postMessage(
      String messageId, String actor, String body, Instant now, CaseRules rules) {
    return record(
        "MESSAGE_POSTED",
        actor,
        now,
        rules,
        details("messageId", messageId, "body", body),
        () -> {});
  }

  /**
   * A coordination meeting will take this case up: an event for its people and the meeting's
   * attendees, without a timeline entry (like a reminder, it carries the latest entry's sequence).
   */
  public Change meetingScheduled(
      String actor, Map<String, String> details, Instant now, CaseRules rules) {
    Step step =
        new Step(
            null,
            Events.notice(
                this, "MEETING_SCHEDULED", actor, details, warningAt(rules.calendar(), now), now),
            before());
    unwritten.add(step);
    return new Change(List.of(step));
  }

  /** An open decision on this case passed its due date: recorded once (409 the second time). */
  public Change decisionOverdue(
      String decisionId, Map<String, String> details, Instant now, CaseRules rules) {
    if (!openDecisions.contains(decisionId)) {
      throw new ConflictException("Decision " + decisionId + " is not open on " + number);
    }
    boolean reported =
        timeline.stream()
            .anyMatch(
                e ->
                    "DECISION_OVERDUE".equals(e.type())
                        && decisionId.equals(e.details().get("decisionId")));
    if (reported) {
      throw new ConflictException("Decision " + decisionId + " was already reported overdue");
    }
    return record("DECISION_OVERDUE", SYSTEM, now, rules, details, () -> {});
  }

  /** A coordination meeting's decision on this case: it blocks closing until done. */
  public Change recordDecision(
      String decisionId, String actor, Map<String, String> details, Instant now, CaseRules rules) {
    return record(
        "DECISION_RECORDED",
        actor,
        now,
        rules,
        details,
        () -> {
          if (!openDecisions.contains(decisionId)) {
            openDecisions.add(decisionId);
          }
        });
  }

  /** A meeting decision carried out; the case may be closed once none is open. */
  public Change decisionDone(
      String decisionId, String actor, Map<String, String> details, Instant now, CaseRules rules) {
    return record(
        "DECISION_DONE", actor, now, rules, details, () -> openDecisions.remove(decisionId));
  }

  /** 409 unless the caller saw this version (no version: no condition). */
  public void requireVersion(Long expected) {
    if (expected != null && !expected.equals(version)) {
      throw new ConflictException(
          "Issue "
              + number
              + " is at version "
              + version
              + ", not "
              + expected
              + "; reload it and try again");
    }
  }

  public IssueView view(WorkingCalendar calendar, Instant now) {
    return IssueView.of(this, warningAt(calendar, now));
  }

  /**
   * The colour now: red past the deadline or, while not accepted, past the acceptance deadline; a
   * case that is resolved or closed is green.
   */
  public Warning warningAt(WorkingCalendar calendar, Instant now) {
    if (!running()) {
      return Warning.GREEN;
    }
    if (status == IssueStatus.OPEN && acceptDueAt != null && now.isAfter(acceptDueAt)) {
      return Warning.RED;
    }
    return Warning.of(calendar, levelSince, dueAt, now);
  }

  public Optional<ExtensionRequest> extensionRequest(String requestId) {
    return extensionRequests.stream().filter(r -> r.id().equals(requestId)).findFirst();
  }

  public TimelineEntry lastEntry() {
    return timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
  }

  public List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  public String id() {
    return id;
  }

  public String number() {
    return number;
  }

  public String requestHash() {
    return requestHash;
  }

  public String projectRegion() {
    return projectRegion;
  }

  public String handlingRegion() {
    return handlingRegion;
  }

  public String ownerOrg() {
    return ownerOrg;
  }

  public boolean hasHeld(String region) {
    return regionsPassed.contains(region);
  }

  Long version() {
    return version;
  }

  /** Hands over what happened since the last call, for the store to write. */
  List<Step> takeUnwritten() {
    List<Step> steps = List.copyOf(unwritten);
    unwritten.clear();
    return steps;
  }

  private boolean running() {
    return status == IssueStatus.OPEN || status == IssueStatus.IN_PROGRESS;
  }

  /** Arrival at a level and region: OPEN, with the deadlines of the case's own policy. */
  private void arriveAt(RegionLevel level, String region, Instant now, CaseRules rules) {
    CaseDeadlines deadlines =
        rules.policy(policyVersion).deadlinesFor(rules.calendar(), level, urgency, now);
    this.level = level;
    this.handlingRegion = region;
    if (!regionsPassed.contains(region)) {
      regionsPassed.add(region);
    }
    status = IssueStatus.OPEN;
    levelSince = now;
    acceptDueAt = deadlines.acceptDueAt();
    dueAt = deadlines.dueAt();
    yellowAt = rules.calendar().instantAtShare(now, dueAt, Warning.YELLOW_SHARE);
    notedWarning = Warning.GREEN;
    acceptedAt = null;
  }

  /** The parent of the holding region; 409 with {@code refusal} when there is none. */
  private String regionAbove(CaseRules rules, String refusal) {
    return rules
        .tree()
        .parent(handlingRegion)
        .map(Region::code)
        .orElseThrow(() -> new ConflictException(refusal));
  }

  private void moveDueAt(Instant due, WorkingCalendar calendar, Instant now) {
    dueAt = due;
    yellowAt = calendar.instantAtShare(levelSince, due, Warning.YELLOW_SHARE);
    // a recorded colour stands only while it still holds under the new deadline
    Warning current = Warning.of(calendar, levelSince, due, now);
    if (current.ordinal() < notedWarning.ordinal()) {
      notedWarning = current;
    }
  }

  private void requireStatus(String action, IssueStatus... allowed) {
    if (!Arrays.asList(allowed).contains(status)) {
      throw new ConflictException(
          "Issue " + number + " is " + status + " and cannot be " + action + " now");
    }
  }

  /** Applies a change and appends its entry and event; the one way the case changes. */
  private Change record(
      String type,
      String actor,
      Instant now,
      CaseRules rules,
      Map<String, String> details,
      Runnable change) {
    Before before = before();
    RegionLevel fromLevel = level;
    String fromRegion = handlingRegion;
    change.run();
    TimelineEntry entry =
        TimelineEntry.next(
            lastEntry(), type, actor, now, fromLevel, fromRegion, level, handlingRegion, details);
    timeline.add(entry);
    Step step = new Step(entry, Events.of(this, entry, warningAt(rules.calendar(), now)), before);
    unwritten.add(step);
    return new Change(List.of(step));
  }

  private Before before() {
    return new Before(handlingRegion, levelSince, acceptDueAt, dueAt);
  }

  private static Map<String, String> details(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        out.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return out;
  }
}
