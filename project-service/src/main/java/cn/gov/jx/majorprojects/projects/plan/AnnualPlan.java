package cn.gov.jx.majorprojects.projects.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

  record Milestone(String name, LocalDate plannedDate, LocalDate actualDate) {}

  static String idOf(String projectId, int year) {
    return projectId + ":" + year;
  }
}
