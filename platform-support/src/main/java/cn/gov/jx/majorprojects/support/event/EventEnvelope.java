package cn.gov.jx.majorprojects.support.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event from issue-service or project-service to notification-service (contract 3): what the
 * senders write into their outboxes and what notification-service's {@code /internal/events} takes.
 * {@code sequence} orders the events of one subject.
 */
public record EventEnvelope(
    @NotBlank @Size(max = 64) String eventId,
    @NotBlank @Size(max = 64) String source,
    @NotBlank @Size(max = 64) String type,
    @NotNull Instant occurredAt,
    @NotNull @PositiveOrZero Long sequence,
    @Size(max = 100) String actor,
    @NotNull @Valid Subject subject,
    Map<String, Object> details) {

  public EventEnvelope {
    details = details == null ? Map.of() : details;
  }

  /**
   * The issue (after the change) or the project the event concerns; issue fields are absent for
   * projects and project fields for issues.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
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
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<@Pattern(regexp = "\\d{6}") String> regionsPassed,
      String code,
      String name,
      String ownerOrg) {

    public Subject {
      regionsPassed = regionsPassed == null ? List.of() : List.copyOf(regionsPassed);
    }

    /** An issue as it is after the change. */
    public static Subject issue(
        String id,
        String number,
        String title,
        String projectId,
        String projectName,
        String projectRegion,
        String urgency,
        String warning,
        boolean supervised,
        String status,
        String level,
        String handlingRegion,
        String reporter,
        String reporterOrg,
        List<String> regionsPassed) {
      return new Subject(
          SubjectKind.ISSUE,
          id,
          number,
          title,
          projectId,
          projectName,
          projectRegion,
          urgency,
          warning,
          supervised,
          status,
          level,
          handlingRegion,
          reporter,
          reporterOrg,
          regionsPassed,
          null,
          null,
          null);
    }

    /** A project and its warning light. */
    public static Subject project(
        String id,
        String code,
        String name,
        String projectRegion,
        String ownerOrg,
        String warning) {
      return place(SubjectKind.PROJECT, id, projectRegion, warning, code, name, ownerOrg);
    }

    /**
     * A region's figures for a year (id {@code region:year}); {@code projectRegion} is the region
     * itself, {@code code} and {@code name} its division code and name.
     */
    public static Subject region(String id, String regionCode, String regionName) {
      return place(SubjectKind.REGION, id, regionCode, null, regionCode, regionName, null);
    }

    /** A subject that is a place (project or region): the issue fields stay absent. */
    private static Subject place(
        SubjectKind kind,
        String id,
        String region,
        String warning,
        String code,
        String name,
        String ownerOrg) {
      return new Subject(
          kind, id, null, null, null, null, region, null, warning, null, null, null, null, null,
          null, null, code, name, ownerOrg);
    }

    /** Orders and deduplicates per subject: kind plus id. */
    public String key() {
      return kind + ":" + id;
    }
  }

  public enum SubjectKind {
    ISSUE,
    PROJECT,
    /** A region's dashboard figures (e.g. 双过半 missed). */
    REGION
  }
}
