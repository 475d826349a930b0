package cn.gov.jx.majorprojects.projects.warning;

import cn.gov.jx.majorprojects.projects.outbox.ProjectEvents;
import cn.gov.jx.majorprojects.projects.project.Project;
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
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps each project's warning current: on every write of its inputs and when a month turns (the
 * light depends on the date), never on read. Turning RED records a PROJECT_RED event in the
 * project's outbox in the same update, for the relay to deliver (contract 3).
 */
@Service
public class WarningService {

  private static final Logger log = LoggerFactory.getLogger(WarningService.class);
  private static final String MISSING = "REPORT_MISSING";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  WarningService(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
    this.mongo = mongo;
    this.clock = clock;
    this.events = events;
  }

  WarningRules rules() {
    WarningRules stored = mongo.findById(WarningRules.ID, WarningRules.class);
    return stored != null ? stored : WarningRules.defaults();
  }

  WarningRules saveRules(WarningRules rules) {
    return mongo.save(rules.withId());
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
    if (project == null) {
      return false;
    }
    LocalDate today = LocalDate.now(clock);
    Warning warning = WarningPolicy.evaluate(inputsOf(project, today), rules(), today);
    Warning before = project.getWarning();
    if (warning.equals(before)) {
      return false;
    }
    Update update = new Update().set("warning", warning);
    List<EventEnvelope> outbox = new ArrayList<>();
    boolean turnedRed =
        warning.level() == Warning.Level.RED
            && (before == null || before.level() != Warning.Level.RED);
    if (turnedRed) {
      outbox.add(event("PROJECT_RED", 0, project, warning, actor, new Document()));
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
    // by collection name: a derived field must not bump the version users edit against
    mongo.updateFirst(Query.query(Criteria.where("_id").is(projectId)), update, "projects");
    return true;
  }

  private EventEnvelope event(
      String type, int order, Project p, Warning warning, String actor, Document details) {
    return ProjectEvents.of(type, order, p, warning, actor, details, clock.instant());
  }

  private WarningPolicy.Inputs inputsOf(Project p, LocalDate today) {
    YearMonth month = YearMonth.from(today);
    int year = today.getYear();
    Document plan =
        mongo
            .getCollection("annual_plans")
            .find(new Document("_id", p.getId() + ":" + year))
            .first();
    BigDecimal planned = plan == null ? null : decimal(plan.get("plannedInvestment"));
    BigDecimal completed = BigDecimal.ZERO;
    boolean lastReported = false;
    boolean lastSuspended = false;
    String lastPeriod = month.minusMonths(1).toString();
    for (Document report :
        mongo
            .getCollection("progress_reports")
            .find(new Document("projectId", p.getId()))
            .projection(new Document("period", 1).append("revisions", 1))) {
      String period = report.getString("period");
      List<?> revisions = report.getList("revisions", Object.class);
      if (period == null || revisions == null || revisions.isEmpty()) {
        continue;
      }
      Map<?, ?> current = (Map<?, ?>) revisions.get(revisions.size() - 1);
      if (period.startsWith(year + "-") && period.compareTo(month.toString()) < 0) {
        BigDecimal amount = decimal(current.get("investmentCompleted"));
        completed = amount == null ? completed : completed.add(amount);
      }
      if (period.equals(lastPeriod)) {
        lastReported = true;
        lastSuspended = "SUSPENDED".equals(current.get("siteState"));
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

  private static BigDecimal decimal(Object value) {
    if (value instanceof Decimal128 d) {
      return d.bigDecimalValue();
    }
    return value instanceof Number n ? new BigDecimal(n.toString()) : null;
  }
}
