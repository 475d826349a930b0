package cn.gov.jx.majorprojects.projects.project;

import java.util.List;

/** The red/yellow/green light of a project and why; computed on write, never on read. */
public record Warning(Level level, List<String> reasons) {

  public enum Level {
    GREEN,
    YELLOW,
    RED;

    /** Stored beside the light so lists can filter and sort by it on an index: red is highest. */
    public int severity() {
      return switch (this) {
        case GREEN -> 0;
        case YELLOW -> 1;
        case RED -> 2;
      };
    }
  }

  public Warning {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public static Warning green() {
    return new Warning(Level.GREEN, List.of());
  }
}
