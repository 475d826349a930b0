package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.calendar.CalendarService;
import cn.gov.jx.majorprojects.issues.policy.PolicyService;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import org.springframework.stereotype.Component;

/** The rules in force now: the calendar as an admin last edited it, every policy version. */
@Component
public class CaseRulebook {

  private final CalendarService calendars;
  private final PolicyService policies;
  private final RegionTree tree;

  CaseRulebook(CalendarService calendars, PolicyService policies, RegionTree tree) {
    this.calendars = calendars;
    this.policies = policies;
    this.tree = tree;
  }

  public CaseRules current() {
    return new CaseRules(calendars.workingCalendar(), policies::version, tree);
  }
}
