package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** What a coordination meeting does to a case: its decisions enter the timeline and the thread. */
@Component
public class CaseDecisions {

  private static final int ATTEMPTS = 5;

  private final IssueService issues;
  private final CaseService cases;
  private final MongoTemplate mongo;

  CaseDecisions(IssueService issues, CaseService cases, MongoTemplate mongo) {
    this.issues = issues;
    this.cases = cases;
    this.mongo = mongo;
  }

  /** True when the caller may see the case. */
  public boolean visible(String issueId, PlatformUser user) {
    return issues.find(issueId).filter(i -> issues.canSee(i, user)).isPresent();
  }

  /** Records an open decision on the case (it now blocks closing) and posts it in the thread. */
  public void recorded(
      String issueId,
      String decisionId,
      String text,
      Map<String, String> details,
      PlatformUser by) {
    change(
        issueId,
        new CaseService.Step(
            "DECISION_RECORDED",
            by.username(),
            details,
            i -> {
              if (!i.openDecisions.contains(decisionId)) {
                i.openDecisions.add(decisionId);
              }
            }));
    Issue issue = issues.find(issueId).orElseThrow();
    mongo.save(new IssueMessage(decisionId, issueId, by.username(), text, issue.lastEntry().at()));
  }

  /** Marks a decision carried out; the case may be closed once none is open. */
  public void done(
      String issueId, String decisionId, Map<String, String> details, PlatformUser by) {
    change(
        issueId,
        new CaseService.Step(
            "DECISION_DONE", by.username(), details, i -> i.openDecisions.remove(decisionId)));
  }

  private void change(String issueId, CaseService.Step step) {
    for (int attempt = 1; ; attempt++) {
      Issue issue = issues.find(issueId).orElseThrow();
      try {
        cases.write(issue, cases.clock().instant(), step);
        return;
      } catch (ConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
