package cn.gov.jx.majorprojects.projects.project;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code PATCH /api/projects/{id}}: absent fields stay as they are; version is required.
 */
record ProjectPatch(
    @NotNull Long version,
    @Pattern(regexp = ProjectRequest.CODE, message = "must look like YYYY-RRRRRR-NN-NN-NNNNNN")
        String code,
    @Size(min = 1, max = 200) String name,
    ProjectLevel level,
    String regionCode,
    Industry industry,
    @Size(min = 1, max = 100) String ownerOrg,
    @Size(min = 1, max = 200) String ownerOrgName,
    @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal totalInvestment,
    LocalDate plannedStart,
    LocalDate plannedFinish,
    ProjectStatus status,
    @Size(max = 4000) String description) {}
