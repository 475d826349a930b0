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

  /** One action of a case: what it does, given the time and the rules in force. */
  private interface Action {
    void apply(Issue issue, Instant now, CaseRules rules);
  }

  private IssueView act(Issue issue, Action action) {
    Instant now = clock.instant();
    CaseRules rules = rulebook.current();
    action.apply(issue, now, rules);
    return store.save(issue).view(rules.calendar(), now);
  }

  IssueView accept(String id, Long version, PlatformUser user) {
    return act(
        access.forHolder(id, version, user),
        (i, now, rules) -> i.accept(user.username(), now, rules));
  }

  IssueView escalate(String id, String reason, Long version, PlatformUser user) {
    return act(
        access.forHolder(id, version, user),
        (i, now, rules) -> i.escalate(user.username(), reason, now, rules));
  }

  IssueView returnDown(String id, String instruction, Long version, PlatformUser user) {
    return act(
        access.forHolder(id, version, user),
        (i, now, rules) -> i.returnDown(user.username(), instruction, now, rules));
  }

  IssueView resolve(String id, String resolution, Long version, PlatformUser user) {
    return act(
        access.forHolder(id, version, user),
        (i, now, rules) -> i.resolve(user.username(), resolution, now, rules));
  }

  IssueView confirm(String id, Long version, PlatformUser user) {
    return act(
        access.forReporter(id, version, user),
        (i, now, rules) -> i.confirm(user.username(), now, rules));
  }

  IssueView reopen(String id, String reason, Long version, PlatformUser user) {
    return act(
        access.forReporter(id, version, user),
        (i, now, rules) -> i.reopen(user.username(), reason, now, rules));
  }

  /** Ids checked against the project's plan of this year (one call); a timeline entry. */
  IssueView changeMilestones(
      String id, List<String> milestoneIds, Long version, PlatformUser user) {
    Issue issue = access.forReporterOrHolder(id, version, user);
    List<String> checked = projects.checkedMilestones(issue.projectId(), milestoneIds);
    return act(issue, (i, now, rules) -> i.changeMilestones(user.username(), checked, now, rules));
  }

  /** A manager whose region contains the case puts it under supervision: less time remains. */
  IssueView supervise(String id, String note, Long version, PlatformUser user) {
    return act(
        access.forManager(id, version, user),
        (i, now, rules) -> i.supervise(user.username(), note, now, rules));
  }

  ExtensionRequest requestExtension(String id, Instant newDueAt, String reason, PlatformUser user) {
    String requestId = new ObjectId().toHexString();
    Issue issue = access.forHolder(id, null, user);
    act(
        issue,
        (i, now, rules) ->
            i.requestExtension(requestId, user.username(), newDueAt, reason, now, rules));
    return issue.extensionRequest(requestId).orElseThrow();
  }

  ExtensionRequest decideExtension(
      String id, String requestId, boolean approve, PlatformUser user) {
    Issue issue = access.forExtensionApprover(id, requestId, user);
    act(
        issue,
        (i, now, rules) -> i.decideExtension(requestId, approve, user.username(), now, rules));
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
