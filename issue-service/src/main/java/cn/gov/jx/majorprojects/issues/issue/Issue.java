package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
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
// the overdue sweep: status + dueAt, so it reads only the due cases, never all of them
@CompoundIndex(name = "status_due", def = "{'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "region_status", def = "{'projectRegion': 1, 'status': 1}")
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
  boolean supervised;
  int policyVersion;

  String reporter;
  String reporterOrg;
  Instant createdAt;

  List<TimelineEntry> timeline = new ArrayList<>();

  @Version Long version;

  TimelineEntry lastEntry() {
    return timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
  }
}
