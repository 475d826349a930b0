package cn.gov.jx.majorprojects.issues.handling;

import cn.gov.jx.majorprojects.issues.client.project.Projects;
import cn.gov.jx.majorprojects.issues.issue.CaseAccess;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.CaseRules;
import cn.gov.jx.majorprojects.issues.issue.ExtensionRequest;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueMessage;
import cn.gov.jx.majorprojects.issues.issue.IssueStore;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * The actions on a case, each one load → authorize → the case's own method → conditional write
 * ({@link IssueStore}): a concurrent change makes it fail with 409 instead of being lost.
 */
@Service
class CaseService {

  private final CaseAccess access;
  private final IssueStore store;
  private final CaseRulebook rulebook;
  private final Projects projects;
  private final Clock clock;

  CaseService(
      CaseAccess access, IssueStore store, CaseRulebook rulebook, Projects projects, Clock clock) {
    this.access = access;
    this.store = store;
    this.rulebook = rulebook;
    this.projects = projects;
    this.clock = clock;
  }

  /** One action of a case: what it does, by whom, given the time and the rules in force. */
  private interface Action {
    void apply(Issue issue, String actor, Instant now, CaseRules rules);
  }

  private IssueView act(Issue issue, PlatformUser user, Action action) {
    Instant now = clock.instant();
    CaseRules rules = rulebook.current();
    action.apply(issue, user.username(), now, rules);
    return store.save(issue).view(rules.calendar(), now);
  }

  private IssueView asHolder(String id, Long version, PlatformUser user, Action action) {
    return act(access.forHolder(id, version, user), user, action);
  }

  private IssueView asReporter(String id, Long version, PlatformUser user, Action action) {
    return act(access.forReporter(id, version, user), user, action);
  }

  IssueView accept(String id, Long version, PlatformUser user) {
    return asHolder(id, version, user, Issue::accept);
  }

  IssueView escalate(String id, String reason, Long version, PlatformUser user) {
    return asHolder(id, version, user, (i, by, now, r) -> i.escalate(by, reason, now, r));
  }

  IssueView returnDown(String id, String instruction, Long version, PlatformUser user) {
    return asHolder(id, version, user, (i, by, now, r) -> i.returnDown(by, instruction, now, r));
  }

  IssueView resolve(String id, String resolution, Long version, PlatformUser user) {
    return asHolder(id, version, user, (i, by, now, r) -> i.resolve(by, resolution, now, r));
  }

  IssueView confirm(String id, Long version, PlatformUser user) {
    return asReporter(id, version, user, Issue::confirm);
  }

  IssueView reopen(String id, String reason, Long version, PlatformUser user) {
    return asReporter(id, version, user, (i, by, now, r) -> i.reopen(by, reason, now, r));
  }

  /** Ids checked against the project's plan of this year (one call); a timeline entry. */
  IssueView changeMilestones(
      String id, List<String> milestoneIds, Long version, PlatformUser user) {
    Issue issue = access.forReporterOrHolder(id, version, user);
    List<String> checked = projects.checkedMilestones(issue.projectId(), milestoneIds);
    return act(issue, user, (i, by, now, r) -> i.changeMilestones(by, checked, now, r));
  }

  /** A manager whose region contains the case puts it under supervision: less time remains. */
  IssueView supervise(String id, String note, Long version, PlatformUser user) {
    return act(
        access.forManager(id, version, user),
        user,
        (i, by, now, r) -> i.supervise(by, note, now, r));
  }

  ExtensionRequest requestExtension(String id, Instant newDueAt, String reason, PlatformUser user) {
    String requestId = new ObjectId().toHexString();
    Issue issue = access.forHolder(id, null, user);
    act(
        issue,
        user,
        (i, by, now, r) -> i.requestExtension(requestId, by, newDueAt, reason, now, r));
    return issue.extensionRequest(requestId).orElseThrow();
  }

  ExtensionRequest decideExtension(
      String id, String requestId, boolean approve, PlatformUser user) {
    Issue issue = access.forExtensionApprover(id, requestId, user);
    act(issue, user, (i, by, now, r) -> i.decideExtension(requestId, approve, by, now, r));
    return issue.extensionRequest(requestId).orElseThrow();
  }

  /** A post in the thread; retried on a concurrent change since it changes no state. */
  IssueMessage postMessage(String id, String body, PlatformUser user) {
    String messageId = new ObjectId().toHexString();
    access.visible(id, user);
    return store.post(
        id,
        messageId,
        user.username(),
        body,
        i -> i.postMessage(messageId, user.username(), body, clock.instant(), rulebook.current()));
  }
}
