package cn.gov.jx.majorprojects.projects.project;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/projects}. */
public record ProjectRequest(
    @NotBlank
        @Pattern(regexp = ProjectRequest.CODE, message = "must look like YYYY-RRRRRR-NN-NN-NNNNNN")
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotNull ProjectLevel level,
    @NotBlank String regionCode,
    @NotNull Industry industry,
    @NotBlank @Size(max = 100) String ownerOrg,
    @NotBlank @Size(max = 200) String ownerOrgName,
    @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal totalInvestment,
    @NotNull LocalDate plannedStart,
    @NotNull LocalDate plannedFinish,
    ProjectStatus status,
    @Size(max = 4000) String description) {

  /** National investment project code: year, division, industry, type, serial. */
  static final String CODE = "\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}";
}
