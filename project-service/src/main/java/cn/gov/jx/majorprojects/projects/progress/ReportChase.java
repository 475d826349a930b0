package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.client.issue.IssueClient;
import cn.gov.jx.majorprojects.projects.client.issue.WorkingDaysAnswer;
import cn.gov.jx.majorprojects.projects.outbox.ProjectEvents;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.Warning;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Chases missing monthly reports: the owner organisation is reminded on the first working day after
 * the due day (the 5th), then every {@value #EVERY_WORKING_DAYS} working days, at most {@value
 * #MAX_REMINDERS} times, until the report is filed; the county's coordinators are told with the
 * {@value #COUNTY_AT}rd. Working days are issue-service's calendar. Each reminder is a conditional
 * update of the chase (on the count sent) that pushes the event into the chase's outbox, so a
 * rerun, a restart or a second replica never sends one twice.
 */
@Service
public class ReportChase {

  static final String COLLECTION = "report_chases";
  static final int MAX_REMINDERS = 5;
  static final int EVERY_WORKING_DAYS = 3;
  static final int COUNTY_AT = 3;

  /** The window of working days asked for around today: enough for any holiday season. */
  static final int WINDOW_DAYS = 62;

  private static final Logger log = LoggerFactory.getLogger(ReportChase.class);

  private final MongoTemplate mongo;
  private final IssueClient issues;
  private final Clock clock;

  ReportChase(MongoTemplate mongo, IssueClient issues, Clock clock) {
    this.mongo = mongo;
    this.issues = issues;
    this.clock = clock;
  }

  static String idOf(String projectId, String period) {
    return projectId + ":" + period;
  }

  /** Every day (Asia/Shanghai); only working days do anything. A day missed is caught up. */
  @Scheduled(cron = "${projects.report-chase.cron:0 0 9 * * *}", zone = "Asia/Shanghai")
  void daily() {
    LocalDate today = LocalDate.now(clock);
    WorkingDays days;
    try {
      WorkingDaysAnswer answer =
          issues.workingDays(today.minusDays(WINDOW_DAYS), today.plusDays(WINDOW_DAYS));
      days = WorkingDays.of(answer.from(), answer.to(), answer.workingDays());
    } catch (RuntimeException e) {
      log.warn("no report reminders today: issue-service's calendar unavailable: {}", e.toString());
      return;
    }
    int sent = run(today, days);
    log.info("report chase of {}: {} reminders", today, sent);
  }

  /**
   * Opens chases for last month's missing reports and sends the reminders due; answers how many.
   */
  int run(LocalDate today, WorkingDays days) {
    if (!days.isWorkingDay(today)) {
      return 0;
    }
    open(today, days);
    return remind(today, days);
  }

  /** A report was filed: its chase, if any, stops. */
  void filed(String projectId, String period) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(idOf(projectId, period)).and("finished").is(false)),
        new Update()
            .set("finished", true)
            .set("outcome", "FILED")
            .set("finishedAt", clock.instant()),
        COLLECTION);
  }

  /**
   * After last month's due day: one chase per project that had to report (building now, started
   * before this month) and has not, first reminder on the first working day after the due day.
   */
  private void open(LocalDate today, WorkingDays days) {
    YearMonth period = YearMonth.from(today).minusMonths(1);
    LocalDate due = YearMonth.from(today).atDay(ProgressReportService.DUE_DAY);
    if (!today.isAfter(due)) {
      return;
    }
    LocalDate first = days.nthAfter(due, 1);
    Query building =
        Query.query(
            new Criteria()
                .andOperator(
                    Criteria.where("status").is(ProjectStatus.UNDER_CONSTRUCTION.name()),
                    new Criteria()
                        .orOperator(
                            Criteria.where("actualStart").is(null),
                            Criteria.where("actualStart").lte(period.atEndOfMonth()))));
    building.fields().include("_id");
    List<String> ids = mongo.find(building, Project.class).stream().map(Project::getId).toList();
    if (ids.isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>();
    Query reported =
        Query.query(Criteria.where("period").is(period.toString()).and("projectId").in(ids));
    reported.fields().include("projectId");
    mongo.find(reported, Document.class, ProgressReportService.COLLECTION).stream()
        .map(d -> d.getString("projectId"))
        .forEach(known::add);
    Query chased =
        Query.query(Criteria.where("period").is(period.toString()).and("projectId").in(ids));
    chased.fields().include("projectId");
    mongo.find(chased, Document.class, COLLECTION).stream()
        .map(d -> d.getString("projectId"))
        .forEach(known::add);
    Instant now = clock.instant();
    List<Document> fresh =
        ids.stream()
            .filter(id -> !known.contains(id))
            .map(
                id ->
                    new Document("_id", idOf(id, period.toString()))
                        .append("projectId", id)
                        .append("period", period.toString())
                        .append("sent", 0)
                        .append("nextDue", first.toString())
                        .append("finished", false)
                        .append("openedAt", Date.from(now)))
            .toList();
    if (fresh.isEmpty()) {
      return;
    }
    try {
      mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(fresh).execute();
    } catch (RuntimeException e) {
      // another replica opened some of them at the same moment: theirs stand (unique ids)
      log.info("some report chases were opened meanwhile: {}", e.toString());
    }
  }

  private int remind(LocalDate today, WorkingDays days) {
    Query due =
        Query.query(Criteria.where("finished").is(false).and("nextDue").lte(today.toString()))
            .with(Sort.by("nextDue", "_id"));
    int sent = 0;
    for (ChaseState chase : mongo.find(due, ChaseState.class)) {
      if (mongo.exists(
          Query.query(
              Criteria.where("_id").is(ProgressReport.idOf(chase.projectId(), chase.period()))),
          ProgressReportService.COLLECTION)) {
        filed(chase.projectId(), chase.period());
        continue;
      }
      Project project = mongo.findById(chase.projectId(), Project.class);
      if (project == null || project.getStatus() != ProjectStatus.UNDER_CONSTRUCTION) {
        finish(chase, "NOT_BUILDING");
        continue;
      }
      if (remindOnce(chase, project, today, days)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean remindOnce(ChaseState chase, Project project, LocalDate today, WorkingDays days) {
    int reminder = chase.sent() + 1;
    Instant now = clock.instant();
    Warning warning = project.getWarning() == null ? Warning.green() : project.getWarning();
    Document details =
        new Document("period", chase.period())
            .append("reminder", reminder)
            .append("maxReminders", MAX_REMINDERS)
            .append("countyCoordinator", reminder == COUNTY_AT)
            .append(
                "dueDate",
                YearMonth.parse(chase.period())
                    .plusMonths(1)
                    .atDay(ProgressReportService.DUE_DAY)
                    .toString());
    Update update =
        new Update()
            .set("sent", reminder)
            .set("lastSentOn", today.toString())
            .push(
                "outbox",
                ProjectEvents.of("REPORT_REMINDER", 0, project, warning, "system", details, now));
    if (reminder == MAX_REMINDERS) {
      update.set("finished", true).set("outcome", "GAVE_UP").set("finishedAt", now);
    } else {
      update.set("nextDue", days.nthAfter(today, EVERY_WORKING_DAYS).toString());
    }
    // only the one who still sees the count it read sends: reruns and other replicas find no match
    Query same =
        Query.query(
            Criteria.where("_id")
                .is(chase.id())
                .and("sent")
                .is(chase.sent())
                .and("finished")
                .is(false));
    return mongo.updateFirst(same, update, COLLECTION).getMatchedCount() == 1;
  }

  private void finish(ChaseState chase, String outcome) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(chase.id()).and("finished").is(false)),
        new Update()
            .set("finished", true)
            .set("outcome", outcome)
            .set("finishedAt", clock.instant()),
        COLLECTION);
  }
}
