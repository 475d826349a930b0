package cn.gov.jx.majorprojects.projects.warning;

import cn.gov.jx.majorprojects.projects.outbox.ProjectEvents;
import cn.gov.jx.majorprojects.projects.plan.PlannedInvestments;
import cn.gov.jx.majorprojects.projects.progress.MonthlyProgress;
import cn.gov.jx.majorprojects.projects.progress.ProgressReports;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectInputsChanged;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps each project's warning current: on every write of its inputs and when a month turns (the
 * light depends on the date), never on read. Turning RED (PROJECT_RED) or from green to YELLOW
 * (PROJECT_YELLOW) records an event in the project's outbox in the same update, for the relay to
 * deliver (contract 3).
 */
@Service
public class WarningService {

  private static final Logger log = LoggerFactory.getLogger(WarningService.class);
  private static final String MISSING = "REPORT_MISSING";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final PlannedInvestments plans;
  private final ProgressReports reports;

  WarningService(
      MongoTemplate mongo,
      Clock clock,
      ApplicationEventPublisher events,
      PlannedInvestments plans,
      ProgressReports reports) {
    this.mongo = mongo;
    this.clock = clock;
    this.events = events;
    this.plans = plans;
    this.reports = reports;
  }

  WarningRules rules() {
    WarningRules stored = mongo.findById(WarningRules.ID, WarningRules.class);
    return stored != null ? stored : WarningRules.defaults();
  }

  /** Projects read per pass of a preview (one query each for their plans and their reports). */
  static final int PREVIEW_BATCH = 500;

  /**
   * How many projects would change colour under {@code candidate} today, from the light they show
   * now: counts per "FROM→TO", computed in batches and never stored.
   */
  RulesPreview preview(WarningRules candidate) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Long> changes = new TreeMap<>();
    long evaluated = 0;
    String after = null;
    while (true) {
      // by id ranges, not skips: each pass reads the next ids on the _id index
      Query next = after == null ? new Query() : Query.query(Criteria.where("_id").gt(after));
      List<Project> batch =
          mongo.find(next.with(Sort.by("_id")).limit(PREVIEW_BATCH), Project.class);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).getId();
      List<String> ids = batch.stream().map(Project::getId).toList();
      Map<String, BigDecimal> planned = plans.of(ids, today.getYear());
      Map<String, List<MonthlyProgress>> reported = reports.latestOf(ids);
      for (Project p : batch) {
        Warning.Level now = p.getWarning() == null ? Warning.Level.GREEN : p.getWarning().level();
        Warning.Level then =
            WarningPolicy.evaluate(
                    inputsOf(
                        p,
                        today,
                        planned.get(p.getId()),
                        reported.getOrDefault(p.getId(), List.of())),
                    candidate,
                    today)
                .level();
        if (now != then) {
          changes.merge(now + "→" + then, 1L, Long::sum);
        }
      }
      evaluated += batch.size();
    }
    return new RulesPreview(
        evaluated, changes.values().stream().mapToLong(Long::longValue).sum(), changes);
  }

  /** The answer of a preview: projects looked at, how many would change, and how. */
  record RulesPreview(long projects, long changing, Map<String, Long> changes) {}

  WarningRules saveRules(WarningRules rules) {
    return mongo.save(rules.withId());
  }

  /**
   * Projects stored before the list sorted by warning get their severity once, from their light.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void backfillSeverity() {
    for (Warning.Level level : Warning.Level.values()) {
      Criteria without = Criteria.where("warningSeverity").exists(false);
      Criteria ofLevel =
          level == Warning.Level.GREEN
              ? new Criteria()
                  .orOperator(
                      Criteria.where("warning.level").is(level.name()),
                      Criteria.where("warning").is(null))
              : Criteria.where("warning.level").is(level.name());
      mongo.updateMulti(
          Query.query(new Criteria().andOperator(without, ofLevel)),
          Update.update("warningSeverity", level.severity()),
          "projects");
    }
  }

  @EventListener
  void on(ProjectInputsChanged event) {
    recompute(event.projectId(), event.actor());
    events.publishEvent(new ProjectFiguresChanged(event.projectId()));
  }

  /**
   * Every day after midnight: dates move the light (slipped starts, due days, pace share); the
   * first run after the 5th of a month is when last month's missing reports turn yellow.
   */
  @Scheduled(cron = "${projects.warnings.cron:0 10 0 * * *}", zone = "Asia/Shanghai")
  void recomputeAll() {
    List<String> ids =
        mongo.findDistinct(new Query(), "_id", Project.class, Object.class).stream()
            .map(String::valueOf)
            .toList();
    int changed = 0;
    for (String id : ids) {
      if (recompute(id, "system")) {
        changed++;
        events.publishEvent(new ProjectFiguresChanged(id));
      }
    }
    log.info("recomputed warnings of {} projects, {} changed", ids.size(), changed);
  }

  /** Writes the project's light if it changed, with its events; true when it changed. */
  boolean recompute(String projectId, String actor) {
    Project project = mongo.findById(projectId, Project.class);
    return project != null && recompute(project, actor);
  }

  /**
   * Writes the light computed from {@code project} as read, only while the stored light is still
   * the one read: two replicas recomputing the same change (the nightly run, an event on each)
   * record its events once; the one that lost the race writes nothing.
   */
  boolean recompute(Project project, String actor) {
    String projectId = project.getId();
    LocalDate today = LocalDate.now(clock);
    Warning warning = WarningPolicy.evaluate(inputsOf(project, today), rules(), today);
    Warning before = project.getWarning();
    if (warning.equals(before)) {
      return false;
    }
    Update update =
        new Update().set("warning", warning).set("warningSeverity", warning.level().severity());
    List<EventEnvelope> outbox = new ArrayList<>();
    boolean turnedRed =
        warning.level() == Warning.Level.RED
            && (before == null || before.level() != Warning.Level.RED);
    if (turnedRed) {
      outbox.add(event("PROJECT_RED", 0, project, warning, actor, new Document()));
    }
    // green to yellow; a yellow for a missing report alone has its own REPORT_MISSING event
    boolean turnedYellow =
        warning.level() == Warning.Level.YELLOW
            && (before == null || before.level() == Warning.Level.GREEN)
            && !warning.reasons().equals(List.of(MISSING));
    if (turnedYellow) {
      outbox.add(event("PROJECT_YELLOW", 0, project, warning, actor, new Document()));
    }
    boolean newlyMissing =
        warning.reasons().contains(MISSING)
            && (before == null || !before.reasons().contains(MISSING));
    if (newlyMissing) {
      String period = YearMonth.from(today).minusMonths(1).toString();
      outbox.add(
          event("REPORT_MISSING", 1, project, warning, actor, new Document("period", period)));
    }
    if (!outbox.isEmpty()) {
      update.push("outbox").each(outbox.toArray());
    }
    Criteria unchanged =
        before == null
            ? Criteria.where("warning").is(null)
            : Criteria.where("warning.level")
                .is(before.level().name())
                .and("warning.reasons")
                .is(before.reasons());
    if (Warning.green().equals(before)) {
      // a document without a light reads as green (the field's default)
      unchanged = new Criteria().orOperator(unchanged, Criteria.where("warning").exists(false));
    }
    // by collection name: a derived field must not bump the version users edit against
    return mongo
            .updateFirst(
                Query.query(Criteria.where("_id").is(projectId).andOperator(unchanged)),
                update,
                "projects")
            .getModifiedCount()
        > 0;
  }

  private EventEnvelope event(
      String type, int order, Project p, Warning warning, String actor, Document details) {
    return ProjectEvents.of(type, order, p, warning, actor, details, clock.instant());
  }

  private WarningPolicy.Inputs inputsOf(Project p, LocalDate today) {
    return inputsOf(
        p, today, plans.of(p.getId(), today.getYear()).orElse(null), reports.latestOf(p.getId()));
  }

  /** What the policy reads of a project: its plan for today's year and its reported months. */
  static WarningPolicy.Inputs inputsOf(
      Project p, LocalDate today, BigDecimal planned, List<MonthlyProgress> months) {
    YearMonth month = YearMonth.from(today);
    int year = today.getYear();
    BigDecimal completed = BigDecimal.ZERO;
    boolean lastReported = false;
    boolean lastSuspended = false;
    YearMonth lastMonth = month.minusMonths(1);
    for (MonthlyProgress report : months) {
      YearMonth period = report.period();
      if (period.getYear() == year
          && period.isBefore(month)
          && report.investmentCompleted() != null) {
        completed = completed.add(report.investmentCompleted());
      }
      if (period.equals(lastMonth)) {
        lastReported = true;
        lastSuspended = report.suspended();
      }
    }
    return new WarningPolicy.Inputs(
        p.getStatus(),
        p.getPlannedStart(),
        p.getActualStart(),
        planned,
        completed,
        lastReported,
        lastSuspended && p.getStatus() != ProjectStatus.COMPLETED);
  }
}
