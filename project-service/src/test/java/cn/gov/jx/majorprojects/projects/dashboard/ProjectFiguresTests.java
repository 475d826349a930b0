package cn.gov.jx.majorprojects.projects.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.dashboard.ProjectFigures.Inputs;
import cn.gov.jx.majorprojects.projects.dashboard.ProjectFigures.MonthReport;
import cn.gov.jx.majorprojects.projects.project.ProjectLevel;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.Warning;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectFiguresTests {

  static MonthReport report(String period, String amount, int workers, boolean suspended) {
    return new MonthReport(YearMonth.parse(period), new BigDecimal(amount), workers, suspended);
  }

  static Inputs building(List<MonthReport> reports) {
    return new Inputs(
        ProjectStatus.UNDER_CONSTRUCTION,
        ProjectLevel.PROVINCIAL,
        Warning.Level.YELLOW,
        LocalDate.of(2026, 3, 10),
        LocalDate.of(2027, 6, 30),
        LocalDate.of(2026, 3, 20),
        Map.of(2026, new BigDecimal("1000.0001")),
        reports);
  }

  @Test
  void amountsAreWholeYuanSoSumsStayExact() {
    assertThat(ProjectFigures.yuan(new BigDecimal("1234.5678"))).isEqualTo(12_345_678L);
    assertThat(ProjectFigures.yuan(new BigDecimal("0.0001"))).isEqualTo(1L);
  }

  @Test
  void aBuildingProjectCountsInEachYearOfItsSpanWithItsYearsFigures() {
    var figures =
        ProjectFigures.of(
            building(
                List.of(
                    report("2026-04", "300", 50, false),
                    report("2026-06", "200.0001", 70, false),
                    report("2026-10", "100", 90, true))));
    assertThat(figures).containsOnlyKeys(2026, 2027);
    Map<String, Long> y2026 = figures.get(2026);
    assertThat(y2026)
        .containsEntry("projects", 1L)
        .containsEntry("status_UNDER_CONSTRUCTION", 1L)
        .containsEntry("level_PROVINCIAL", 1L)
        .containsEntry("warning_YELLOW", 1L)
        .containsEntry("plannedInvestment", 10_000_001L)
        .containsEntry("completed", 6_000_001L)
        .containsEntry("completedFirstHalf", 5_000_001L)
        .containsEntry("projectsWithPlan", 1L)
        .containsEntry("workers_6", 70L)
        .containsEntry("inConstruction", 1L)
        // the year's latest report says the site stopped
        .containsEntry("suspended", 1L)
        // started in the planned month: on time
        .containsEntry("startsPlanned_3", 1L)
        .containsEntry("startsOnTime_3", 1L);
    // half of 1000.0001 is 500.00005: 500.0001 by June reaches it
    assertThat(y2026).containsEntry("projectsAtHalf", 1L);
    // 2027 has no plan and no reports: counted, with no amounts
    assertThat(figures.get(2027)).containsEntry("projects", 1L).doesNotContainKey("completed");
  }

  @Test
  void aLateStartAndAMissedHalfAreNotCounted() {
    Inputs late =
        new Inputs(
            ProjectStatus.UNDER_CONSTRUCTION,
            ProjectLevel.CITY,
            Warning.Level.GREEN,
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 12, 31),
            LocalDate.of(2026, 4, 1),
            Map.of(2026, new BigDecimal("1000")),
            List.of(report("2026-05", "499.9999", 10, false)));
    Map<String, Long> y2026 = ProjectFigures.of(late).get(2026);
    assertThat(y2026).containsEntry("startsPlanned_3", 1L).doesNotContainKey("startsOnTime_3");
    assertThat(y2026).doesNotContainKey("projectsAtHalf").doesNotContainKey("suspended");
  }

  @Test
  void aProjectPreparedForNextYearCountsOnlyInThisYearsPipeline() {
    Inputs planned =
        new Inputs(
            ProjectStatus.PRE_CONSTRUCTION,
            ProjectLevel.COUNTY,
            Warning.Level.GREEN,
            LocalDate.of(2027, 2, 1),
            LocalDate.of(2028, 12, 31),
            null,
            Map.of(),
            List.of());
    var figures = ProjectFigures.of(planned);
    assertThat(figures.get(2026)).containsExactly(Map.entry("nextYearProjects", 1L));
    assertThat(figures.get(2027))
        .containsEntry("projects", 1L)
        .containsEntry("startsPlanned_2", 1L);
    assertThat(figures).containsOnlyKeys(2026, 2027, 2028);
  }
}
