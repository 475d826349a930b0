package cn.gov.jx.majorprojects.projects.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code PUT /api/projects/{id}/plans/{year}}: replaces the year's plan. */
public record AnnualPlanRequest(
    @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal plannedInvestment,
    @Size(max = 50) List<@Valid MilestoneRequest> milestones) {

  /** {@code id} keeps a milestone's id (optional; a name already in the plan keeps its id too). */
  public record MilestoneRequest(
      @Size(max = 40) String id,
      @NotBlank @Size(max = 200) String name,
      @NotNull LocalDate plannedDate,
      LocalDate actualDate) {}
}
