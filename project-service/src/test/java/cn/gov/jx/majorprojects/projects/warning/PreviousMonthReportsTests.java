package cn.gov.jx.majorprojects.projects.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import cn.gov.jx.majorprojects.projects.progress.ProgressReports;
import cn.gov.jx.majorprojects.projects.project.PreviousReport;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.ReportState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviousMonthReportsTests {

  @Test
  void aWholePageIsAnsweredFromOneLookUpOfTheReports() {
    ProgressReports reports = mock(ProgressReports.class);
    when(reports.latenessOf(eq(YearMonth.of(2026, 10)), any())).thenReturn(Map.of("a", true));
    // 3 November, 08:00 in Nanchang: October's reports are still due
    Clock clock = Clock.fixed(Instant.parse("2026-11-03T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    List<Project> page = List.of(building("a"), building("b"), building("c"));

    Map<String, PreviousReport> states =
        new PreviousMonthReports(reports, clock).previousMonth(page);

    assertThat(states.get("a")).isEqualTo(new PreviousReport("2026-10", ReportState.FILED_LATE));
    assertThat(states.get("b")).isEqualTo(new PreviousReport("2026-10", ReportState.DUE));
    verify(reports).latenessOf(YearMonth.of(2026, 10), List.of("a", "b", "c"));
    verifyNoMoreInteractions(reports);
  }

  static Project building(String id) {
    Project p = mock(Project.class);
    when(p.getId()).thenReturn(id);
    when(p.getStatus()).thenReturn(ProjectStatus.UNDER_CONSTRUCTION);
    when(p.getActualStart()).thenReturn(LocalDate.of(2026, 1, 1));
    return p;
  }
}
