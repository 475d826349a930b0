package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates overdue county and city cases by themselves (actor {@code system}, reason {@code
 * OVERDUE}) and records each colour change once per stay at a level. Every query is on an indexed
 * deadline field; every change is the conditional write of {@link CaseService}, so two replicas
 * sweeping at once never escalate a case twice (the second one's write fails and is skipped).
 */
@Component
class EscalationSweep {

  private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);
  static final String OVERDUE = "OVERDUE";
  private static final List<IssueStatus> RUNNING =
      List.of(IssueStatus.OPEN, IssueStatus.IN_PROGRESS);

  private final MongoTemplate mongo;
  private final CaseService cases;
  private final IssuesProperties properties;
  private final Clock clock;

  EscalationSweep(
      MongoTemplate mongo, CaseService cases, IssuesProperties properties, Clock clock) {
    this.mongo = mongo;
    this.cases = cases;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one pass did. */
  record Result(int escalated, int turnedRed, int turnedYellow, int skipped) {}

  @Scheduled(fixedDelayString = "${issues.sweep-interval:PT30S}")
  void scheduled() {
    Result result = sweep();
    if (result.escalated() + result.turnedRed() + result.turnedYellow() > 0) {
      log.info("escalation sweep: {}", result);
    }
  }

  Result sweep() {
    Instant now = clock.instant();
    int escalated = 0;
    int red = 0;
    int yellow = 0;
    int skipped = 0;

    // overdue below province: escalate (index status_level_due)
    for (Issue issue :
        find(
            Criteria.where("status")
                .in(RUNNING)
                .and("level")
                .in(RegionLevel.COUNTY, RegionLevel.CITY)
                .and("dueAt")
                .lt(now))) {
      List<CaseService.Step> steps = new ArrayList<>();
      if (issue.notedWarning != Warning.RED) {
        steps.add(turned(Warning.RED));
      }
      steps.add(cases.escalation(issue, "AUTO_ESCALATED", CaseService.SYSTEM, OVERDUE, now));
      if (apply(issue, now, steps)) {
        escalated++;
      } else {
        skipped++;
      }
    }

    // overdue at province: it stays there, red, recorded once (index status_level_due)
    for (Issue issue :
        find(
            Criteria.where("status")
                .in(RUNNING)
                .and("level")
                .is(RegionLevel.PROVINCE)
                .and("dueAt")
                .lt(now)
                .and("notedWarning")
                .ne(Warning.RED))) {
      if (apply(issue, now, List.of(turned(Warning.RED)))) {
        red++;
      } else {
        skipped++;
      }
    }

    // past 80 % of the time, not yet noted (index status_yellow)
    for (Issue issue :
        find(
            Criteria.where("status")
                .in(RUNNING)
                .and("yellowAt")
                .lte(now)
                .and("dueAt")
                .gte(now)
                .and("notedWarning")
                .is(Warning.GREEN))) {
      if (apply(issue, now, List.of(turned(Warning.YELLOW)))) {
        yellow++;
      } else {
        skipped++;
      }
    }
    return new Result(escalated, red, yellow, skipped);
  }

  private List<Issue> find(Criteria criteria) {
    Query query = Query.query(criteria).limit(properties.batchSize());
    query.fields().exclude("outbox");
    return mongo.find(query, Issue.class);
  }

  private static CaseService.Step turned(Warning colour) {
    return new CaseService.Step(
        "TURNED_" + colour.name(),
        CaseService.SYSTEM,
        CaseService.details(),
        i -> i.notedWarning = colour);
  }

  private boolean apply(Issue issue, Instant now, List<CaseService.Step> steps) {
    try {
      cases.write(issue, now, steps.toArray(CaseService.Step[]::new));
      return true;
    } catch (ConflictException e) {
      // another replica or a user changed it first; the next pass looks again
      return false;
    }
  }
}
