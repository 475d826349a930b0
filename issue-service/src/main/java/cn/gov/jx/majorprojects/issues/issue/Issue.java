package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A blocker of one project: its own case, thread and timeline (一事一议). */
@Document("issues")
// the overdue sweep: status + level + dueAt, so it reads only the due cases, never all of them
@CompoundIndex(name = "status_level_due", def = "{'status': 1, 'level': 1, 'dueAt': 1}")
// the colour sweep: cases past 80 % of their time that were not yet noted yellow
@CompoundIndex(name = "status_yellow", def = "{'status': 1, 'yellowAt': 1}")
// scoped lists: by the project's county (regional users) or by the owner's org, newest first
@CompoundIndex(
    name = "region_status_created",
    def = "{'projectRegion': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "org_created", def = "{'ownerOrg': 1, 'createdAt': -1}")
@CompoundIndex(name = "handling_status", def = "{'handlingRegion': 1, 'status': 1}")
@CompoundIndex(name = "project_created", def = "{'projectId': 1, 'createdAt': -1}")
// the outbox relay: only documents with undelivered events
@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true)
class Issue {

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
  List<OutboxEvent> outbox = new ArrayList<>();
  // a relay replica holds the outbox until then (claim), or it waits for a retry (back-off)
  Instant claimedUntil;
  int outboxAttempts;

  @Version Long version;

  TimelineEntry lastEntry() {
    return timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
  }
}
