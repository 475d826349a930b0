package cn.gov.jx.majorprojects.projects.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/** A project's plan for one year; the id is {@code projectId:year}, so there is one per year. */
@Document("annual_plans")
@CompoundIndex(name = "project_year", def = "{'projectId': 1, 'year': 1}", unique = true)
public record AnnualPlan(
    @Id String id,
    String projectId,
    int year,
    @Field(targetType = FieldType.DECIMAL128) BigDecimal plannedInvestment,
    List<Milestone> milestones,
    String updatedBy,
    Instant updatedAt,
    @Version Long version) {

  /** {@code id} is stable across PUTs of the plan; plans stored before ids read as m1, m2, ... */
  record Milestone(String id, String name, LocalDate plannedDate, LocalDate actualDate) {

    /** Days past the planned date: until done (today) or until the actual date; 0 when on time. */
    long slipDays(LocalDate today) {
      LocalDate until = actualDate != null ? actualDate : today;
      return Math.max(0, ChronoUnit.DAYS.between(plannedDate, until));
    }
  }

  /** The milestones, each with an id (a stored milestone without one gets its position's). */
  List<Milestone> milestonesWithIds() {
    if (milestones == null) {
      return List.of();
    }
    List<Milestone> out = new ArrayList<>();
    for (int i = 0; i < milestones.size(); i++) {
      Milestone m = milestones.get(i);
      out.add(
          m.id() != null
              ? m
              : new Milestone("m" + (i + 1), m.name(), m.plannedDate(), m.actualDate()));
    }
    return out;
  }

  static String idOf(String projectId, int year) {
    return projectId + ":" + year;
  }
}
