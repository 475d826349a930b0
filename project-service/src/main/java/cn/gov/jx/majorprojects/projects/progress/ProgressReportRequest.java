package cn.gov.jx.majorprojects.projects.progress;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Body of {@code PUT /api/projects/{id}/progress-reports/{period}}. */
public record ProgressReportRequest(
    @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal investmentCompleted,
    @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal physicalProgressPercent,
    @NotNull @Min(0) @Max(1_000_000) Integer workersOnSite,
    @NotNull SiteState siteState,
    @Size(max = 1000) String suspensionReason,
    @Size(max = 4000) String note) {}
