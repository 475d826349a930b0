package cn.gov.jx.majorprojects.projects.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A project's report for one month ({@code projectId:period}): the latest revision on top, every
 * revision (the latest included) in {@code revisions}, never edited. {@code correctionRequested} is
 * the pending return for correction (null when none); the next revision answers and clears it.
 * Written only by targeted updates, never replaced whole: the document also carries an {@code
 * outbox} of events (REPORT_RETURNED) that the relay drains.
 */
@Document("progress_reports")
@CompoundIndex(name = "project_period", def = "{'projectId': 1, 'period': 1}", unique = true)
class ProgressReport {

  @Id String id;
  String projectId;
  @Indexed String period;
  int revision;
  Instant firstSubmittedAt;
  boolean late;
  List<Revision> revisions = new ArrayList<>();
  CorrectionRequest correctionRequested;
  @Version Long version;

  record Revision(
      int revision,
      @Field(targetType = FieldType.DECIMAL128) BigDecimal investmentCompleted,
      @Field(targetType = FieldType.DECIMAL128) BigDecimal physicalProgressPercent,
      int workersOnSite,
      SiteState siteState,
      String suspensionReason,
      String note,
      String submittedBy,
      Instant submittedAt,
      CorrectionRequest answers) {}

  static String idOf(String projectId, String period) {
    return projectId + ":" + period;
  }

  Revision current() {
    return revisions.get(revisions.size() - 1);
  }
}
