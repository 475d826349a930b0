package cn.gov.jx.majorprojects.projects.plan;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A project's planned investment per year, as warnings and roll-ups read it. */
@Component
public class PlannedInvestments {

  private final AnnualPlanRepository plans;

  PlannedInvestments(AnnualPlanRepository plans) {
    this.plans = plans;
  }

  /** The year's planned investment (10k CNY); empty without a plan or an amount. */
  public Optional<BigDecimal> of(String projectId, int year) {
    return plans.findById(AnnualPlan.idOf(projectId, year)).map(AnnualPlan::plannedInvestment);
  }

  /** The year's planned investment of several projects in one query (those without one absent). */
  public Map<String, BigDecimal> of(Collection<String> projectIds, int year) {
    Map<String, BigDecimal> out = new HashMap<>();
    if (!projectIds.isEmpty()) {
      for (AnnualPlan plan : plans.findByYearAndProjectIdIn(year, projectIds)) {
        if (plan.plannedInvestment() != null) {
          out.put(plan.projectId(), plan.plannedInvestment());
        }
      }
    }
    return out;
  }

  /** Every year with a planned amount. */
  public Map<Integer, BigDecimal> byYear(String projectId) {
    Map<Integer, BigDecimal> out = new HashMap<>();
    for (AnnualPlan plan : plans.findByProjectId(projectId)) {
      if (plan.plannedInvestment() != null) {
        out.put(plan.year(), plan.plannedInvestment());
      }
    }
    return out;
  }
}
