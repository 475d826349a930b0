package cn.gov.jx.majorprojects.projects.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project as the API answers it; lists and the single read add last month's report state; the
 * single read also this year's {@code investmentAtRisk} (held up by open blockers, 10k CNY).
 */
record ProjectView(
    String id,
    String code,
    String name,
    ProjectLevel level,
    String regionCode,
    Industry industry,
    String ownerOrg,
    String ownerOrgName,
    BigDecimal totalInvestment,
    LocalDate plannedStart,
    LocalDate plannedFinish,
    LocalDate actualStart,
    ProjectStatus status,
    String description,
    Warning warning,
    Long version,
    @JsonInclude(JsonInclude.Include.NON_NULL) PreviousReport previousReport,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal investmentAtRisk) {

  static ProjectView of(Project p) {
    return of(p, null);
  }

  static ProjectView of(Project p, PreviousReport previousReport) {
    return of(p, previousReport, null);
  }

  static ProjectView of(Project p, PreviousReport previousReport, BigDecimal investmentAtRisk) {
    return new ProjectView(
        p.getId(),
        p.getCode(),
        p.getName(),
        p.getLevel(),
        p.getRegionCode(),
        p.getIndustry(),
        p.getOwnerOrg(),
        p.getOwnerOrgName(),
        p.getTotalInvestment(),
        p.getPlannedStart(),
        p.getPlannedFinish(),
        p.getActualStart(),
        p.getStatus(),
        p.getDescription(),
        p.getWarning(),
        p.getVersion(),
        previousReport,
        investmentAtRisk);
  }
}
