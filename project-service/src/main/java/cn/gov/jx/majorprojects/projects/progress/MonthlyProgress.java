package cn.gov.jx.majorprojects.projects.progress;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The latest revision of a project's report for one month, as warnings and roll-ups read it, and
 * whether it was returned for correction and not yet corrected.
 */
public record MonthlyProgress(
    YearMonth period,
    BigDecimal investmentCompleted,
    int workersOnSite,
    SiteState siteState,
    boolean correctionRequested) {

  public boolean suspended() {
    return siteState == SiteState.SUSPENDED;
  }
}
