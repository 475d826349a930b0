package cn.gov.jx.majorprojects.projects.outbox;

import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A project's event for notification-service (contract 3), for the project's outbox. */
public final class ProjectEvents {

  static final String SOURCE = "project-service";

  /** Region-level alerts, one document each (its id makes it happen once), with an outbox. */
  public static final String REGION_ALERTS = "region_alerts";

  private ProjectEvents() {}

  /** {@code order} keeps two events of one write in order (their sequence differs by it). */
  public static EventEnvelope of(
      String type,
      int order,
      Project p,
      Warning warning,
      String actor,
      Map<String, Object> details,
      Instant now) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.put("reasons", warning.reasons());
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        SOURCE,
        type,
        now,
        now.toEpochMilli() * 10 + order,
        actor,
        Subject.project(
            p.getId(),
            p.getCode(),
            p.getName(),
            p.getRegionCode(),
            p.getOwnerOrg(),
            warning.level().name()),
        all);
  }

  /** An event about a region's figures of a year (subject id {@code region:year}). */
  public static EventEnvelope ofRegion(
      String type,
      String regionCode,
      String regionName,
      int year,
      Map<String, Object> details,
      Instant now) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.put("year", year);
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        SOURCE,
        type,
        now,
        now.toEpochMilli() * 10,
        "system",
        Subject.region(regionCode + ":" + year, regionCode, regionName),
        all);
  }
}
