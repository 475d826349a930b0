package cn.gov.jx.majorprojects.projects.metrics;

import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.ReportState;
import cn.gov.jx.majorprojects.projects.project.ReportStates;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.support.metrics.GaugeGrid;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code projects_current{status,warning}} (one aggregation grouping the projects by status and
 * light) and {@code projects_reports_missing} (projects whose last month's report is MISSING by the
 * warning rules' own rule, {@link ReportStates}, read a page of projects at a time with only the
 * fields it needs). Recounted periodically, never per scrape.
 */
class ProjectCounts {

  static final int PAGE = 1000;

  private final MongoTemplate mongo;
  private final ReportStates reportStates;
  private final GaugeGrid<ProjectStatus, Warning.Level> current;
  private final AtomicLong reportsMissing = new AtomicLong();

  ProjectCounts(MongoTemplate mongo, ReportStates reportStates, MeterRegistry registry) {
    this.mongo = mongo;
    this.reportStates = reportStates;
    current =
        new GaugeGrid<>(
            registry,
            "projects.current",
            "projects by status and warning light",
            "status",
            ProjectStatus.class,
            "warning",
            Warning.Level.class);
    Gauge.builder("projects.reports.missing", reportsMissing, AtomicLong::get)
        .description("projects whose report for last month is missing (past its due day)")
        .register(registry);
  }

  /** Counts the projects now. */
  void count() {
    countByStatusAndLight();
    countReportsMissing();
  }

  private void countByStatusAndLight() {
    Map<ProjectStatus, Map<Warning.Level, Long>> counted = new EnumMap<>(ProjectStatus.class);
    for (Document group :
        mongo
            .getCollection(mongo.getCollectionName(Project.class))
            .aggregate(
                List.of(
                    new Document(
                        "$group",
                        new Document(
                                "_id",
                                new Document("status", "$status").append("light", "$warning.level"))
                            .append("n", new Document("$sum", 1)))))) {
      Document key = group.get("_id", Document.class);
      ProjectStatus status = parse(ProjectStatus.class, key.get("status"));
      Warning.Level light = parse(Warning.Level.class, key.get("light"));
      if (status != null) {
        counted
            .computeIfAbsent(status, s -> new EnumMap<>(Warning.Level.class))
            .merge(
                light == null ? Warning.Level.GREEN : light,
                ((Number) group.get("n")).longValue(),
                Long::sum);
      }
    }
    current.setAll(
        (status, light) -> counted.getOrDefault(status, Map.of()).getOrDefault(light, 0L));
  }

  private void countReportsMissing() {
    long missing = 0;
    for (int page = 0; ; page++) {
      Query query = new Query().with(Sort.by("_id")).skip((long) page * PAGE).limit(PAGE);
      query.fields().include("status").include("actualStart");
      List<Project> projects = mongo.find(query, Project.class);
      missing +=
          reportStates.previousMonth(projects).values().stream()
              .filter(r -> r.state() == ReportState.MISSING)
              .count();
      if (projects.size() < PAGE) {
        break;
      }
    }
    reportsMissing.set(missing);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object name) {
    try {
      return name == null ? null : Enum.valueOf(type, name.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
