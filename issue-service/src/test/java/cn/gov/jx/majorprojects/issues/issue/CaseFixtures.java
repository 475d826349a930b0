package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.time.Instant;

/** One case as the plain and slice tests of every package start from: reported, not accepted. */
public final class CaseFixtures {

  public static final RegionTree TREE = RegionTree.bundled();
  public static final CaseRules RULES =
      new CaseRules(WorkingCalendar.weekendsOnly(), v -> EscalationPolicy.defaults(), TREE);
  // Thursday 26 November 2026, 10:00 Shanghai
  public static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  public static final Issue.Submission SUBMISSION =
      new Issue.Submission(
          "owner.hgt:k1",
          "hash",
          "JX-2026-000001",
          "p-hgt",
          "红谷滩地铁站",
          "360113",
          "org-nc-metro",
          "征地",
          "征地拆迁未完成",
          Category.DEMOLITION,
          Urgency.NORMAL,
          "请市里协调征迁办加快签约",
          "owner.hgt",
          "org-nc-metro");

  private CaseFixtures() {}

  /** The case just reported at its project's county, as read back (version 0). */
  public static Issue submitted() {
    Issue issue = Issue.submit(SUBMISSION, 1, NOW, RULES);
    issue.version = 0L;
    issue.takeUnwritten();
    return issue;
  }
}
