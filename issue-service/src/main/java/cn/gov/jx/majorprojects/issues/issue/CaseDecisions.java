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
