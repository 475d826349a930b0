package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What a coordination meeting does to a case: its decisions enter the timeline and the thread. */
@Component
public class CaseDecisions {

  private final IssueStore store;
  private final CaseAccess access;
  private final CaseRulebook rulebook;
  private final Clock clock;

  CaseDecisions(IssueStore store, CaseAccess access, CaseRulebook rulebook, Clock clock) {
    this.store = store;
    this.access = access;
    this.rulebook = rulebook;
    this.clock = clock;
  }

  /** The region holding the case now. */
  public String holder(String issueId) {
    return store.find(issueId).map(Issue::handlingRegion).orElse(null);
  }

  /** True when {@code region} sees the case: the project's county or a region above it. */
  public boolean withinScope(String issueId, String region) {
    return region != null
        && rulebook.current().tree().contains(region)
        && store
            .find(issueId)
            .filter(i -> rulebook.current().tree().isWithin(i.projectRegion(), region))
            .isPresent();
  }

  /** Tells the case's people (and the attendees who may see it) that a meeting will take it up. */
  public void scheduled(String issueId, Map<String, String> details, PlatformUser by) {
    store.changeRetrying(
        issueId,
        i -> i.meetingScheduled(by.username(), details, clock.instant(), rulebook.current()));
  }

  /** A decision on the case past its due date, recorded once (409 when it was already). */
  public void overdue(String issueId, String decisionId, Map<String, String> details) {
    store.changeRetrying(
        issueId, i -> i.decisionOverdue(decisionId, details, clock.instant(), rulebook.current()));
  }

  /** True when the caller may see the case. */
  public boolean visible(String issueId, PlatformUser user) {
    return store.find(issueId).filter(i -> access.canSee(i, user)).isPresent();
  }

  /** Records an open decision on the case (it now blocks closing) and posts it in the thread. */
  public void recorded(
      String issueId,
      String decisionId,
      String text,
      Map<String, String> details,
      PlatformUser by) {
    store.post(
        issueId,
        decisionId,
        by.username(),
        text,
        i ->
            i.recordDecision(
                decisionId, by.username(), details, clock.instant(), rulebook.current()));
  }

  /** Marks a decision carried out; the case may be closed once none is open. */
  public void done(
      String issueId, String decisionId, Map<String, String> details, PlatformUser by) {
    store.changeRetrying(
        issueId,
        i ->
            i.decisionDone(
                decisionId, by.username(), details, clock.instant(), rulebook.current()));
  }
}
