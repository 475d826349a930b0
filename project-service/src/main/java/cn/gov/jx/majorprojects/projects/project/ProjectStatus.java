package cn.gov.jx.majorprojects.projects.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * The project lifecycle: one step forward at a time, suspension only once work has been prepared or
 * started, and a suspended project resumes where building stopped.
 */
public enum ProjectStatus {
  PLANNED,
  PRE_CONSTRUCTION,
  UNDER_CONSTRUCTION,
  COMPLETED,
  SUSPENDED;

  Set<ProjectStatus> next() {
    return switch (this) {
      case PLANNED -> EnumSet.of(PRE_CONSTRUCTION);
      case PRE_CONSTRUCTION -> EnumSet.of(UNDER_CONSTRUCTION, SUSPENDED);
      case UNDER_CONSTRUCTION -> EnumSet.of(COMPLETED, SUSPENDED);
      case SUSPENDED -> EnumSet.of(PRE_CONSTRUCTION, UNDER_CONSTRUCTION);
      case COMPLETED -> EnumSet.noneOf(ProjectStatus.class);
    };
  }

  public boolean canMoveTo(ProjectStatus target) {
    return target == this || next().contains(target);
  }

  /**
   * Statuses a project may be registered with: later ones come about only through the lifecycle.
   */
  public boolean isInitial() {
    return this == PLANNED || this == PRE_CONSTRUCTION || this == UNDER_CONSTRUCTION;
  }
}
