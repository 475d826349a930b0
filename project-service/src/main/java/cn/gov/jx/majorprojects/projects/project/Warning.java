package cn.gov.jx.majorprojects.projects.project;

import java.util.List;

/** The red/yellow/green light of a project and why; computed on write, never on read. */
public record Warning(Level level, List<String> reasons) {

  public enum Level {
    GREEN,
    YELLOW,
    RED
  }

  public Warning {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public static Warning green() {
    return new Warning(Level.GREEN, List.of());
  }
}
