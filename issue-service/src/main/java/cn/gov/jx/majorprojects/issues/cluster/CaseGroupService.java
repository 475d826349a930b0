package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.issues.cluster.CaseGroup.CaseDecision;
import cn.gov.jx.majorprojects.issues.cluster.CaseGroup.GroupDecision;
import cn.gov.jx.majorprojects.issues.cluster.CaseGroup.Member;
import cn.gov.jx.majorprojects.issues.cluster.ClusterFinder.Candidate;
import cn.gov.jx.majorprojects.issues.issue.CaseAccess;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.CaseRules;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueStore;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.issues.meeting.GroupMeetings;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Confirmed groups of cases: load → who sees / who acts → the group's own method → a write
 * conditional on the version read ({@code @Version}, 409 when stale). Meetings and their decisions
 * go through the meeting code ({@link GroupMeetings}), so a group decision is a meeting decision on
 * each of its cases: recorded in each case's timeline and thread, and each case's {@code
 * openDecisions} keeps it from being closed until it is done (the rule stays in {@code
 * Issue.confirm}).
 */
@Service
class CaseGroupService {

  static final int ATTEMPTS = 5;

  private final MongoTemplate mongo;
  private final IssueStore cases;
  private final CaseAccess access;
  private final CaseRulebook rulebook;
  private final Jurisdiction jurisdiction;
  private final RegionTree tree;
  private final ClusterService clusters;
  private final GroupMeetings meetings;
  private final Clock clock;

  CaseGroupService(
      MongoTemplate mongo,
      IssueStore cases,
      CaseAccess access,
      CaseRulebook rulebook,
      Jurisdiction jurisdiction,
      RegionTree tree,
      ClusterService clusters,
      GroupMeetings meetings,
      Clock clock) {
    this.mongo = mongo;
    this.cases = cases;
    this.access = access;
    this.rulebook = rulebook;
    this.jurisdiction = jurisdiction;
    this.tree = tree;
    this.clusters = clusters;
    this.meetings = meetings;
    this.clock = clock;
  }

  record NewDecision(String decision, String responsibleUnit, Instant dueAt) {}

  /** A coordinator confirms open cases it can see, none in another group, as one matter. */
  CaseGroup.View confirm(List<String> caseIds, String title, PlatformUser user) {
    if (!user.has(PlatformRole.COORDINATOR)) {
      throw new AccessDeniedException("coordinators confirm groups of cases");
    }
    Instant now = clock.instant();
    CaseRules rules = rulebook.current();
    List<FieldProblem> problems = new ArrayList<>();
    List<IssueView> views = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> grouped = clusters.grouped(caseIds);
    for (int i = 0; i < caseIds.size(); i++) {
      String field = "caseIds[" + i + "]";
      String id = caseIds.get(i);
      Optional<Issue> issue = cases.find(id).filter(c -> access.canSee(c, user));
      if (!seen.add(id)) {
        problems.add(new FieldProblem(field, "is listed twice"));
      } else if (issue.isEmpty()) {
        problems.add(new FieldProblem(field, "no such issue that you can see"));
      } else if (grouped.contains(id)) {
        problems.add(new FieldProblem(field, "is already in a case group"));
      } else {
        IssueView view = issue.get().view(rules.calendar(), now);
        if (view.status() != IssueStatus.OPEN && view.status() != IssueStatus.IN_PROGRESS) {
          problems.add(new FieldProblem(field, "is " + view.status() + "; only open cases group"));
        }
        views.add(view);
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("The group has invalid cases", problems);
    }
    List<Candidate> candidates = views.stream().map(ClusterService::candidate).toList();
    ClusterFinder.Cluster described = clusters.finder().describe(candidates);
    List<Member> members =
        candidates.stream()
            .map(
                c ->
                    new Member(
                        c.id(),
                        c.number(),
                        c.title(),
                        c.projectId(),
                        c.projectName(),
                        c.projectRegion(),
                        user.username(),
                        now))
            .toList();
    String name = title == null || title.isBlank() ? "同一事项：" + views.get(0).title() : title;
    CaseGroup group = CaseGroup.confirm(name, described, members, user.username(), now);
    join(group, now);
    CaseGroup stored = mongo.insert(group);
    for (Member m : members) {
      post(m.issueId(), "已与其他项目的同类事项合并处理：事项组《" + name + "》（" + group.id + "）", user);
    }
    return stored.view();
  }

  /** Claims each case for the group; a case claimed meanwhile by another group undoes all: 409. */
  private void join(CaseGroup group, Instant now) {
    List<String> joined = new ArrayList<>();
    try {
      for (String issueId : group.issueIds()) {
        mongo.insert(new GroupMembership(issueId, group.id, now));
        joined.add(issueId);
      }
    } catch (DuplicateKeyException e) {
      mongo.remove(
          Query.query(Criteria.where("_id").in(joined).and("groupId").is(group.id)),
          GroupMembership.class);
      throw new ConflictException(
          "A case of this group was put in another group meanwhile; reload the groups");
    }
  }

  private void post(String issueId, String body, PlatformUser user) {
    String messageId = new ObjectId().toHexString();
    cases.post(
        issueId,
        messageId,
        user.username(),
        body,
        i -> i.postMessage(messageId, user.username(), body, clock.instant(), rulebook.current()));
  }

  CaseGroup.View get(String id, PlatformUser user) {
    return visible(id, user).view();
  }

  /** Groups with a case in the region's subtree (the caller's when none is asked), newest first. */
  Page<CaseGroup.View> list(String regionCode, Pageable page, PlatformUser user) {
    String region = clusters.scopedRegion(regionCode, user);
    Query query =
        Query.query(
            Criteria.where("memberRegions")
                .in(tree.subtree(region).stream().map(Region::code).toList()));
    long total = mongo.count(query, CaseGroup.class);
    query.with(page);
    return new PageImpl<>(
        mongo.find(query, CaseGroup.class).stream().map(CaseGroup::view).toList(), page, total);
  }

  CaseGroup.View remove(String id, String issueId, Long version, PlatformUser user) {
    CaseGroup group = forCoordinators(id, user);
    group.requireVersion(version);
    group.remove(issueId, user.username(), clock.instant());
    CaseGroup saved = mongo.save(group);
    mongo.remove(
        Query.query(Criteria.where("_id").is(issueId).and("groupId").is(id)),
        GroupMembership.class);
    return saved.view();
  }

  GroupMessage postMessage(String id, String body, PlatformUser user) {
    CaseGroup group = visible(id, user);
    return mongo.insert(
        new GroupMessage(
            new ObjectId().toHexString(), group.id, user.username(), body, clock.instant()));
  }

  Page<GroupMessage> messages(String id, Pageable page, PlatformUser user) {
    CaseGroup group = visible(id, user);
    Query query = Query.query(Criteria.where("groupId").is(group.id));
    long total = mongo.count(query, GroupMessage.class);
    return new PageImpl<>(mongo.find(query.with(page), GroupMessage.class), page, total);
  }

  /** One coordination meeting for all the group's cases, held in the group's region. */
  GroupMeetings.Organised organiseMeeting(
      String id, String title, Instant scheduledAt, List<String> attendees, PlatformUser user) {
    CaseGroup group = forCoordinators(id, user);
    GroupMeetings.Organised meeting =
        meetings.organise(
            title == null || title.isBlank() ? group.title + " 专题协调会" : title,
            group.regionCode,
            scheduledAt,
            attendees,
            group.issueIds(),
            user);
    change(id, g -> g.meetingOrganised(meeting.id()));
    return meeting;
  }

  /** A decision for the whole group: in its latest meeting, on each of its cases. */
  GroupDecision decide(String id, NewDecision body, PlatformUser user) {
    CaseGroup group = forCoordinators(id, user);
    String meetingId = group.latestMeeting();
    Instant now = clock.instant();
    List<CaseDecision> perCase = new ArrayList<>();
    for (String issueId : group.issueIds()) {
      perCase.add(
          new CaseDecision(
              issueId,
              meetings.decide(
                  meetingId,
                  issueId,
                  body.decision(),
                  body.responsibleUnit(),
                  body.dueAt(),
                  user)));
    }
    GroupDecision decision =
        new GroupDecision(
            new ObjectId().toHexString(),
            meetingId,
            body.decision(),
            body.responsibleUnit(),
            body.dueAt(),
            CaseGroup.OPEN,
            List.copyOf(perCase),
            user.username(),
            now,
            null,
            null);
    change(id, g -> g.decided(decision));
    return decision;
  }

  /** Done on each case (those done already are skipped, so a retry completes), then the group. */
  GroupDecision done(String id, String decisionId, PlatformUser user) {
    CaseGroup group = forCoordinators(id, user);
    GroupDecision decision = group.decision(decisionId);
    if (!CaseGroup.OPEN.equals(decision.status())) {
      throw new ConflictException("Group decision " + decisionId + " is already done");
    }
    for (CaseDecision c : decision.cases()) {
      meetings.done(decision.meetingId(), c.decisionId(), user);
    }
    Instant now = clock.instant();
    return change(id, g -> g.markDone(decisionId, user.username(), now));
  }

  /**
   * Read, change, write on the version read; a lost race is read and applied again, a few times.
   */
  private <T> T change(String id, Function<CaseGroup, T> change) {
    for (int attempt = 1; ; attempt++) {
      CaseGroup group = mongo.findById(id, CaseGroup.class);
      if (group == null) {
        throw new NotFoundException("Case group", id);
      }
      T result = change.apply(group);
      try {
        mongo.save(group);
        return result;
      } catch (OptimisticLockingFailureException e) {
        if (attempt >= ATTEMPTS) {
          throw new ConflictException("Case group " + id + " kept changing meanwhile; try again");
        }
      }
    }
  }

  /**
   * Seen by users other than owners whose region contains one of its cases' counties (those who
   * hold or oversee a case of it); owners see their cases, not groups of other organisations' ones.
   */
  private CaseGroup visible(String id, PlatformUser user) {
    CaseGroup group = mongo.findById(id, CaseGroup.class);
    if (group == null
        || user.has(PlatformRole.OWNER)
        || group.memberRegions.stream().noneMatch(r -> jurisdiction.covers(user, r))) {
      throw new NotFoundException("Case group", id);
    }
    return group;
  }

  /** Coordinators whose region contains the group's region act on it. */
  private CaseGroup forCoordinators(String id, PlatformUser user) {
    CaseGroup group = visible(id, user);
    if (!user.has(PlatformRole.COORDINATOR) || !jurisdiction.covers(user, group.regionCode)) {
      throw new AccessDeniedException(
          "only coordinators of region " + group.regionCode + " or above act on this group");
    }
    return group;
  }
}
