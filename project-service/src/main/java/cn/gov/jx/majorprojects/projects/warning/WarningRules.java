package cn.gov.jx.majorprojects.projects.warning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The admin-editable thresholds of the red/yellow/green light; one document, id "current". */
@Document("warning_rules")
record WarningRules(
    @Id String id,
    @NotNull @Min(0) @Max(24) Integer startSlipYellowMonths,
    @NotNull @Min(0) @Max(36) Integer startSlipRedMonths,
    @NotNull @Min(0) @Max(100) Integer paceYellowPoints,
    @NotNull @Min(0) @Max(100) Integer paceRedPoints,
    @NotNull Boolean suspendedIsRed,
    @NotNull Boolean missingReportIsYellow) {

  static final String ID = "current";

  /** Defaults from practice: slipped start yellow, 3 months later red; pace 10/30 points behind. */
  static WarningRules defaults() {
    return new WarningRules(ID, 0, 3, 10, 30, true, true);
  }

  WarningRules withId() {
    return new WarningRules(
        ID,
        startSlipYellowMonths,
        startSlipRedMonths,
        paceYellowPoints,
        paceRedPoints,
        suspendedIsRed,
        missingReportIsYellow);
  }
}
