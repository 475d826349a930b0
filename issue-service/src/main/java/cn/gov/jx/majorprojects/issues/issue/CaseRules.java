package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.util.function.IntFunction;

/**
 * What a case's changes are computed with: the working-day calendar, the escalation policy of each
 * version (a case keeps the version it was created under) and the region tree.
 */
public record CaseRules(
    WorkingCalendar calendar, IntFunction<EscalationPolicy> policies, RegionTree tree) {

  EscalationPolicy policy(int version) {
    return policies.apply(version);
  }
}
