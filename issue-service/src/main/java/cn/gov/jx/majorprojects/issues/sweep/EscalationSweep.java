package cn.gov.jx.majorprojects.issues.sweep;

import cn.gov.jx.majorprojects.issues.config.IssuesProperties;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.CaseRules;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueStore;
import cn.gov.jx.majorprojects.issues.meeting.MeetingService;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates overdue county and city cases by themselves (actor {@code system}, reason {@code
 * OVERDUE}) and records each colour change once per stay at a level. Every query is on an indexed
 * deadline field; every change is the conditional write of {@link IssueStore}, so two replicas
 * sweeping at once never escalate a case twice (the second one's write fails and is skipped).
 */
@Component
public class EscalationSweep {

  private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);
  private static final List<IssueStatus> RUNNING =
      List.of(IssueStatus.OPEN, IssueStatus.IN_PROGRESS);

  private final MongoTemplate mongo;
  private final IssueStore store;
  private final CaseRulebook rulebook;
  private final IssuesProperties properties;
  private final MeetingService meetings;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  EscalationSweep(
      MongoTemplate mongo,
      IssueStore store,
      CaseRulebook rulebook,
      IssuesProperties properties,
      MeetingService meetings,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.meetings = meetings;
    this.mongo = mongo;
    this.store = store;
    this.rulebook = rulebook;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one pass did. */
  public record Result(
      int escalated,
      int turnedRed,
      int turnedYellow,
      int reminded,
      int skipped,
      int decisionsOverdue) {}

  /** Published after each pass (the sweep's metrics follow it). */
  public record Passed(Result result, Duration took) {}

  @Scheduled(fixedDelayString = "${issues.sweep-interval:PT30S}")
  void scheduled() {
    Result result = sweep();
    if (result.escalated()
            + result.turnedRed()
            + result.turnedYellow()
            + result.reminded()
            + result.decisionsOverdue()
        > 0) {
      log.info("escalation sweep: {}", result);
    }
  }

  public Result sweep() {
    long started = System.nanoTime();
    Instant now = clock.instant();
    CaseRules rules = rulebook.current();
    Tally skipped = new Tally();

    // overdue below province: escalate (index status_level_due)
    int escalated =
        pass(
            Criteria.where("status")
                .in(RUNNING)
                .and("level")
                .in(RegionLevel.COUNTY, RegionLevel.CITY)
                .and("dueAt")
                .lt(now),
            i -> i.overdue(now, rules),
            skipped);

    // not accepted in time below province: red and up, like an overdue case (status_level_accept)
    escalated +=
        pass(
            Criteria.where("status")
                .is(IssueStatus.OPEN)
                .and("level")
                .in(RegionLevel.COUNTY, RegionLevel.CITY)
                .and("acceptDueAt")
                .lt(now),
            i -> i.notAccepted(now, rules),
            skipped);

    // not accepted in time at province: it stays there, red, recorded once
    int red =
        pass(
            Criteria.where("status")
                .is(IssueStatus.OPEN)
                .and("level")
                .is(RegionLevel.PROVINCE)
                .and("acceptDueAt")
                .lt(now)
                .and("notedWarning")
                .ne(Warning.RED),
            i -> i.notAccepted(now, rules),
            skipped);

    // overdue at province: it stays there, red, recorded once (index status_level_due)
    red +=
        pass(
            Criteria.where("status")
                .in(RUNNING)
                .and("level")
                .is(RegionLevel.PROVINCE)
                .and("dueAt")
                .lt(now)
                .and("notedWarning")
                .ne(Warning.RED),
            i -> i.turned(Warning.RED, now, rules),
            skipped);

    // past 80 % of the time, not yet noted (index status_yellow)
    int yellow =
        pass(
            Criteria.where("status")
                .in(RUNNING)
                .and("yellowAt")
                .lte(now)
                .and("dueAt")
                .gte(now)
                .and("notedWarning")
                .is(Warning.GREEN),
            i -> i.turned(Warning.YELLOW, now, rules),
            skipped);

    // still red: the day's reminder to whoever holds it now (index status_red)
    int reminded = 0;
    IssuesProperties.Reminders reminders = properties.reminders();
    ZonedDateTime local = now.atZone(WorkingCalendar.ZONE);
    LocalDate today = local.toLocalDate();
    if (rules.calendar().isWorkingDay(today) && !local.toLocalTime().isBefore(reminders.at())) {
      String day = today.toString();
      reminded =
          pass(
              Criteria.where("status")
                  .in(RUNNING)
                  .and("redOn")
                  .gt("")
                  .lt(day)
                  .and("remindersSent")
                  .lt(reminders.maxCount())
                  .and("lastRemindedOn")
                  .ne(day),
              i -> i.remindStillRed(today, reminders.maxCount(), now, rules),
              skipped);
    }
    // meeting decisions past their due date: reported once each
    int decisionsOverdue = meetings.reportOverdue(properties.batchSize());
    Result result = new Result(escalated, red, yellow, reminded, skipped.count, decisionsOverdue);
    events.publishEvent(new Passed(result, Duration.ofNanos(System.nanoTime() - started)));
    return result;
  }

  /** Cases another replica or a user changed first; the next pass looks at them again. */
  private static final class Tally {
    int count;
  }

  /** Applies the change to each case found; answers how many were written. */
  private int pass(Criteria criteria, Consumer<Issue> change, Tally skipped) {
    int written = 0;
    for (Issue issue : find(criteria)) {
      if (apply(issue, change)) {
        written++;
      } else {
        skipped.count++;
      }
    }
    return written;
  }

  private List<Issue> find(Criteria criteria) {
    Query query = Query.query(criteria).limit(properties.batchSize());
    query.fields().exclude("outbox");
    return mongo.find(query, Issue.class);
  }

  private boolean apply(Issue issue, Consumer<Issue> change) {
    try {
      change.accept(issue);
      store.save(issue);
      return true;
    } catch (ConflictException e) {
      // another replica or a user changed it first; the next pass looks again
      return false;
    }
  }
}
