package cn.gov.jx.majorprojects.projects.plan;

import java.math.BigDecimal;
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
