package cn.gov.jx.majorprojects.projects.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.ReportState;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.projects.project.Warning.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WarningPolicyTests {

  static final WarningRules RULES = WarningRules.defaults();
  static final LocalDate JULY_10 = LocalDate.of(2026, 7, 10);

  static WarningPolicy.Inputs building(String plan, String done) {
    return new WarningPolicy.Inputs(
        ProjectStatus.UNDER_CONSTRUCTION,
        LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 1),
        plan == null ? null : new BigDecimal(plan),
        new BigDecimal(done),
        true,
        false);
  }

  static Warning notStartedPlannedFor(LocalDate plannedStart, LocalDate today) {
    return WarningPolicy.evaluate(
        new WarningPolicy.Inputs(
            ProjectStatus.PRE_CONSTRUCTION,
            plannedStart,
            null,
            null,
            BigDecimal.ZERO,
            false,
            false),
        RULES,
        today);
  }

  @Test
  void startSlipsToYellowAfterItsMonthAndRedThreeMonthsLater() {
    LocalDate planned = LocalDate.of(2026, 3, 15);
    assertThat(notStartedPlannedFor(planned, LocalDate.of(2026, 3, 31)).level())
        .isEqualTo(Level.GREEN);
    assertThat(notStartedPlannedFor(planned, LocalDate.of(2026, 4, 1)))
        .isEqualTo(new Warning(Level.YELLOW, java.util.List.of("START_SLIPPED")));
    assertThat(notStartedPlannedFor(planned, LocalDate.of(2026, 6, 30)).level())
        .isEqualTo(Level.YELLOW);
    assertThat(notStartedPlannedFor(planned, LocalDate.of(2026, 7, 1)).level())
        .isEqualTo(Level.RED);
  }

  @Test
  void paceBehindTheTimeShareBy10To30PointsIsYellowMoreIsRed() {
    // by the end of June half of 1200 is due: 600
    assertThat(WarningPolicy.evaluate(building("1200", "600"), RULES, JULY_10).level())
        .isEqualTo(Level.GREEN);
    assertThat(WarningPolicy.evaluate(building("1200", "481"), RULES, JULY_10).level())
        .isEqualTo(Level.GREEN);
    assertThat(WarningPolicy.evaluate(building("1200", "480"), RULES, JULY_10).reasons())
        .containsExactly("BEHIND_PACE");
    assertThat(WarningPolicy.evaluate(building("1200", "240"), RULES, JULY_10).level())
        .isEqualTo(Level.YELLOW);
    assertThat(WarningPolicy.evaluate(building("1200", "239"), RULES, JULY_10).level())
        .isEqualTo(Level.RED);
    assertThat(WarningPolicy.evaluate(building(null, "0"), RULES, JULY_10).level())
        .isEqualTo(Level.GREEN);
  }

  @Test
  void suspendedSiteIsRedAndAMissingReportIsYellowOnceDue() {
    var suspended =
        new WarningPolicy.Inputs(
            ProjectStatus.UNDER_CONSTRUCTION,
            LocalDate.of(2025, 3, 1),
            LocalDate.of(2025, 3, 1),
            null,
            BigDecimal.ZERO,
            true,
            true);
    assertThat(WarningPolicy.evaluate(suspended, RULES, JULY_10).reasons())
        .containsExactly("SITE_SUSPENDED");

    var unreported =
        new WarningPolicy.Inputs(
            ProjectStatus.UNDER_CONSTRUCTION,
            LocalDate.of(2025, 3, 1),
            LocalDate.of(2025, 3, 1),
            null,
            BigDecimal.ZERO,
            false,
            false);
    assertThat(WarningPolicy.evaluate(unreported, RULES, LocalDate.of(2026, 7, 5)).level())
        .isEqualTo(Level.GREEN);
    assertThat(WarningPolicy.evaluate(unreported, RULES, LocalDate.of(2026, 7, 6)).reasons())
        .containsExactly("REPORT_MISSING");
  }

  @Test
  void editedRulesChangeTheOutcome() {
    WarningRules lenient = new WarningRules(WarningRules.ID, 0, 3, 40, 60, false, false);
    assertThat(WarningPolicy.evaluate(building("1200", "300"), lenient, JULY_10).level())
        .isEqualTo(Level.GREEN);
    assertThat(WarningPolicy.evaluate(building("1200", "300"), RULES, JULY_10).level())
        .isEqualTo(Level.YELLOW);
  }

  @Test
  void lastMonthsReportIsDueUntilTheFifthThenMissingUnlessFiledOrNotExpected() {
    YearMonth october = YearMonth.of(2026, 10);
    LocalDate september = LocalDate.of(2026, 9, 1);
    ProjectStatus building = ProjectStatus.UNDER_CONSTRUCTION;
    assertThat(
            WarningPolicy.reportState(
                building, september, october, null, LocalDate.of(2026, 11, 5)))
        .isEqualTo(ReportState.DUE);
    assertThat(
            WarningPolicy.reportState(
                building, september, october, null, LocalDate.of(2026, 11, 6)))
        .isEqualTo(ReportState.MISSING);
    assertThat(
            WarningPolicy.reportState(
                building, september, october, false, LocalDate.of(2026, 11, 6)))
        .isEqualTo(ReportState.FILED);
    assertThat(
            WarningPolicy.reportState(
                building, september, october, true, LocalDate.of(2026, 11, 6)))
        .isEqualTo(ReportState.FILED_LATE);
    // started in November: nothing was due for October; not building: nothing expected
    assertThat(
            WarningPolicy.reportState(
                building, LocalDate.of(2026, 11, 2), october, null, LocalDate.of(2026, 11, 20)))
        .isEqualTo(ReportState.NOT_REQUIRED);
    assertThat(
            WarningPolicy.reportState(
                ProjectStatus.PLANNED, null, october, null, LocalDate.of(2026, 11, 20)))
        .isEqualTo(ReportState.NOT_REQUIRED);
    // a report filed by a project that did not have to is still shown as filed
    assertThat(
            WarningPolicy.reportState(
                ProjectStatus.PLANNED, null, october, false, LocalDate.of(2026, 11, 20)))
        .isEqualTo(ReportState.FILED);
  }
}
