package cn.gov.jx.majorprojects.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProjectStatusTests {

  @Test
  void movesOneStepForwardAtATime() {
    assertThat(ProjectStatus.PLANNED.canMoveTo(ProjectStatus.PRE_CONSTRUCTION)).isTrue();
    assertThat(ProjectStatus.PLANNED.canMoveTo(ProjectStatus.UNDER_CONSTRUCTION)).isFalse();
    assertThat(ProjectStatus.PRE_CONSTRUCTION.canMoveTo(ProjectStatus.UNDER_CONSTRUCTION)).isTrue();
    assertThat(ProjectStatus.UNDER_CONSTRUCTION.canMoveTo(ProjectStatus.COMPLETED)).isTrue();
    assertThat(ProjectStatus.UNDER_CONSTRUCTION.canMoveTo(ProjectStatus.PLANNED)).isFalse();
  }

  @Test
  void suspendsOnlyStartedWorkAndCompletedIsFinal() {
    assertThat(ProjectStatus.PLANNED.canMoveTo(ProjectStatus.SUSPENDED)).isFalse();
    assertThat(ProjectStatus.UNDER_CONSTRUCTION.canMoveTo(ProjectStatus.SUSPENDED)).isTrue();
    assertThat(ProjectStatus.SUSPENDED.canMoveTo(ProjectStatus.UNDER_CONSTRUCTION)).isTrue();
    for (ProjectStatus other : ProjectStatus.values()) {
      assertThat(ProjectStatus.COMPLETED.canMoveTo(other))
          .isEqualTo(other == ProjectStatus.COMPLETED);
    }
  }

  @Test
  void firstMoveIntoConstructionRecordsTheStartAndAResumeKeepsIt() {
    Project p = new Project();
    p.setStatus(ProjectStatus.PRE_CONSTRUCTION);
    p.moveTo(ProjectStatus.UNDER_CONSTRUCTION, LocalDate.of(2026, 3, 2));
    p.moveTo(ProjectStatus.SUSPENDED, LocalDate.of(2026, 5, 1));
    p.moveTo(ProjectStatus.UNDER_CONSTRUCTION, LocalDate.of(2026, 6, 1));
    assertThat(p.getActualStart()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThatThrownBy(() -> p.moveTo(ProjectStatus.PLANNED, LocalDate.of(2026, 6, 2)))
        .isInstanceOf(IllegalStateException.class);
  }
}
