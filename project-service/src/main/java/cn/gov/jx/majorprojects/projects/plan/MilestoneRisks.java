package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.AnnualPlan.Milestone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What open blockers hold up in one year's plan. A milestone is held up while it is not done and at
 * least one open blocker names it. Its {@code investmentAtRisk} = the year's planned investment ×
 * (months of the year after the milestone's planned month) / 12; its {@code slipDays} = calendar
 * days past its planned date, or, before that date, the projected slip: calendar days from the
 * planned date to the latest deadline of its blockers ({@code projected}). A project's figure is
 * the max over its held-up milestones (the same money, never summed).
 */
final class MilestoneRisks {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private MilestoneRisks() {}

  /** One held-up milestone. */
  record Risk(
      String milestoneId,
      List<String> blockers,
      long slipDays,
      boolean projected,
      BigDecimal investmentAtRisk) {}

  /** Per milestone id, the held-up ones of the plan. */
  static Map<String, Risk> of(AnnualPlan plan, List<Blocker> openBlockers, LocalDate today) {
    Map<String, Risk> out = new HashMap<>();
    for (Milestone m : plan.milestonesWithIds()) {
      if (m.actualDate() != null) {
        continue;
      }
      List<Blocker> holding =
          openBlockers.stream()
              .filter(
                  b -> b.open() && b.milestoneIds() != null && b.milestoneIds().contains(m.id()))
              .toList();
      if (holding.isEmpty()) {
        continue;
      }
      long slip = m.slipDays(today);
      boolean projected = false;
      if (slip == 0) {
        LocalDate latest =
            holding.stream()
                .filter(b -> b.dueAt() != null)
                .map(b -> b.dueAt().atZone(ZONE).toLocalDate())
                .max(LocalDate::compareTo)
                .orElse(null);
        if (latest != null && latest.isAfter(m.plannedDate())) {
          slip = ChronoUnit.DAYS.between(m.plannedDate(), latest);
          projected = true;
        }
      }
      List<String> numbers = new ArrayList<>(holding.stream().map(Blocker::number).toList());
      out.put(
          m.id(),
          new Risk(
              m.id(),
              numbers,
              slip,
              projected,
              atRisk(plan.plannedInvestment(), plan.year(), m.plannedDate())));
    }
    return out;
  }

  /** The year's planned investment × months of the year after the planned month / 12. */
  static BigDecimal atRisk(BigDecimal planned, int year, LocalDate plannedDate) {
    if (planned == null) {
      return BigDecimal.ZERO.setScale(4);
    }
    int monthsAfter =
        plannedDate.getYear() < year
            ? 12
            : plannedDate.getYear() > year ? 0 : 12 - plannedDate.getMonthValue();
    return planned
        .multiply(BigDecimal.valueOf(monthsAfter))
        .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP);
  }

  /** The project's figure: the largest amount held up by one milestone (0 when none). */
  static BigDecimal max(Map<String, Risk> risks) {
    return risks.values().stream()
        .map(Risk::investmentAtRisk)
        .max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO.setScale(4));
  }
}
