package cn.gov.jx.majorprojects.issues.query;

import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A case's colour as a query, from its stored deadlines, as {@code Issue.warningAt} computes it:
 * RED when running past {@code dueAt}, or still OPEN past {@code acceptDueAt}; YELLOW when running
 * past {@code yellowAt} (80 % of the working time, stored at arrival) and not red; GREEN otherwise
 * (resolved and closed cases too). Indexed by {@code status_level_due}, {@code status_level_accept}
 * and {@code status_yellow}.
 */
public final class WarningCriteria {

  private static final List<IssueStatus> RUNNING =
      List.of(IssueStatus.OPEN, IssueStatus.IN_PROGRESS);

  private WarningCriteria() {}

  public static Criteria of(Warning colour, Instant now) {
    return switch (colour) {
      case RED -> red(now);
      case YELLOW -> yellow(now);
      case GREEN -> new Criteria().norOperator(red(now), yellow(now));
    };
  }

  private static Criteria red(Instant now) {
    return new Criteria()
        .orOperator(
            Criteria.where("status").in(RUNNING).and("dueAt").lt(now),
            Criteria.where("status").is(IssueStatus.OPEN).and("acceptDueAt").lt(now));
  }

  private static Criteria yellow(Instant now) {
    return new Criteria()
        .andOperator(
            Criteria.where("status").in(RUNNING).and("dueAt").gte(now).and("yellowAt").lte(now),
            new Criteria()
                .orOperator(
                    Criteria.where("status").is(IssueStatus.IN_PROGRESS),
                    Criteria.where("acceptDueAt").gte(now)));
  }
}
