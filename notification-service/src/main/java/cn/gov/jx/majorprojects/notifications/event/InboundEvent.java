package cn.gov.jx.majorprojects.notifications.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event as issue-service and project-service send it (contract 3). */
public record InboundEvent(
    @NotBlank @Size(max = 64) String eventId,
    @NotBlank @Size(max = 64) String source,
    @NotNull EventType type,
    @NotNull Instant occurredAt,
    @NotNull @PositiveOrZero Long sequence,
    @Size(max = 100) String actor,
    @NotNull @Valid Subject subject,
    Map<String, Object> details) {

  public InboundEvent {
    details = details == null ? Map.of() : details;
  }

  /**
   * The issue or project the event concerns (issue fields are null for projects and vice versa).
   */
  public record Subject(
      @NotNull SubjectKind kind,
      @NotBlank @Size(max = 64) String id,
      String number,
      @Size(max = 500) String title,
      String projectId,
      String projectName,
      @NotBlank @Pattern(regexp = "\\d{6}") String projectRegion,
      String urgency,
      String warning,
      Boolean supervised,
      String status,
      String level,
      @Pattern(regexp = "\\d{6}") String handlingRegion,
      String reporter,
      String reporterOrg,
      List<@Pattern(regexp = "\\d{6}") String> regionsPassed,
      String code,
      String name,
      String ownerOrg) {

    public Subject {
      regionsPassed = regionsPassed == null ? List.of() : List.copyOf(regionsPassed);
    }

    /** Orders and deduplicates per subject: kind plus id. */
    public String key() {
      return kind + ":" + id;
    }
  }

  public enum SubjectKind {
    ISSUE,
    PROJECT
  }
}
