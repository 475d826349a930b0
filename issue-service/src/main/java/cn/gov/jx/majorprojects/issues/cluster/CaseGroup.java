package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.meeting.Decided;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Open cases of several projects that a coordinator confirmed to be one matter (同一事项): handled
 * once, with its own discussion, meetings and decisions. Its changes are methods here; {@link
 * CaseGroupService} writes them conditional on the version read ({@code @Version}).
 */
@Document("case_groups")
// the scoped list: groups with a case in the caller's region subtree, newest first
@CompoundIndex(name = "regions_created", def = "{'memberRegions': 1, 'createdAt': -1}")
class CaseGroup {

  @Id String id;
  String title;
  Category category;
  // the lowest region containing every case of the group: where its meetings are held
  String regionCode;
  List<Member> members = new ArrayList<>();
  // the project counties of the members, for the scoped list and who sees the group
  List<String> memberRegions = new ArrayList<>();
  List<Member> removed = new ArrayList<>();
  double score;
  List<String> reasons = new ArrayList<>();
  String createdBy;
  Instant createdAt;
  List<String> meetingIds = new ArrayList<>();
  List<GroupDecision> decisions = new ArrayList<>();
  @Version Long version;

  /** One case of the group as it was when it joined (or left). */
  record Member(
      String issueId,
      String number,
      String title,
      String projectId,
      String projectName,
      String projectRegion,
      String by,
      Instant at) {}

  /** One of a group decision's decisions in the meeting: one per case. */
  record CaseDecision(String issueId, String decisionId) {}

  /** A decision taken for the whole group, in its meeting, on each of its cases. */
  record GroupDecision(
      String id,
      String meetingId,
      String decision,
      String responsibleUnit,
      Instant dueAt,
      String status,
      List<CaseDecision> cases,
      String recordedBy,
      Instant recordedAt,
      String doneBy,
      Instant doneAt)
      implements Decided<GroupDecision> {

    @Override
    public GroupDecision done(String by, Instant at) {
      return new GroupDecision(
          id,
          meetingId,
          decision,
          responsibleUnit,
          dueAt,
          DONE,
          cases,
          recordedBy,
          recordedAt,
          by,
          at);
    }
  }

  static final String OPEN = Decided.OPEN;
  static final String DONE = Decided.DONE;

  static CaseGroup confirm(
      String title, ClusterFinder.Cluster described, List<Member> members, String by, Instant now) {
    CaseGroup group = new CaseGroup();
    group.id = new ObjectId().toHexString();
    group.title = title;
    group.category = described.category();
    group.regionCode = described.regionCode();
    group.members = new ArrayList<>(members);
    group.memberRegions = regionsOf(members);
    group.score = described.score();
    group.reasons = List.copyOf(described.reasons());
    group.createdBy = by;
    group.createdAt = now;
    return group;
  }

  boolean has(String issueId) {
    return members.stream().anyMatch(m -> m.issueId().equals(issueId));
  }

  List<String> issueIds() {
    return members.stream().map(Member::issueId).toList();
  }

  /** Takes a case out; the group keeps at least one. */
  void remove(String issueId, String by, Instant now) {
    Member member =
        members.stream()
            .filter(m -> m.issueId().equals(issueId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Case in group", issueId));
    if (members.size() == 1) {
      throw new ConflictException("Case group " + id + " would be empty; it keeps its last case");
    }
    members.remove(member);
    memberRegions = regionsOf(members);
    removed.add(
        new Member(
            member.issueId(),
            member.number(),
            member.title(),
            member.projectId(),
            member.projectName(),
            member.projectRegion(),
            by,
            now));
  }

  String meetingOrganised(String meetingId) {
    meetingIds.add(meetingId);
    return meetingId;
  }

  /** The meeting group decisions are taken in: the latest one; 409 before any. */
  String latestMeeting() {
    if (meetingIds.isEmpty()) {
      throw new ConflictException(
          "Case group " + id + " has no coordination meeting yet; organise one first");
    }
    return meetingIds.get(meetingIds.size() - 1);
  }

  GroupDecision decided(GroupDecision decision) {
    decisions.add(decision);
    return decision;
  }

  GroupDecision decision(String decisionId) {
    return Decided.find(decisions, "Group decision", decisionId);
  }

  /** An OPEN group decision done; 409 when it is done already. */
  GroupDecision markDone(String decisionId, String by, Instant now) {
    return Decided.markDone(decisions, "Group decision", decisionId, by, now);
  }

  void requireVersion(Long expected) {
    if (expected != null && !expected.equals(version)) {
      throw new ConflictException(
          "Case group " + id + " is at version " + version + ", not " + expected + "; reload it");
    }
  }

  private static List<String> regionsOf(List<Member> members) {
    return members.stream().map(Member::projectRegion).distinct().sorted().toList();
  }

  /** The group as the API answers it. */
  record View(
      String id,
      String title,
      Category category,
      String regionCode,
      double score,
      List<String> reasons,
      List<Member> cases,
      List<Member> removed,
      List<String> meetingIds,
      List<GroupDecision> decisions,
      String createdBy,
      Instant createdAt,
      Long version) {}

  View view() {
    return new View(
        id,
        title,
        category,
        regionCode,
        score,
        List.copyOf(reasons),
        List.copyOf(members),
        List.copyOf(removed),
        List.copyOf(meetingIds),
        List.copyOf(decisions),
        createdBy,
        createdAt,
        version);
  }
}
