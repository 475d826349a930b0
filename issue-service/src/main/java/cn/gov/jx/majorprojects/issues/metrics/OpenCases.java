package cn.gov.jx.majorprojects.issues.metrics;

import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.query.WarningCriteria;
import cn.gov.jx.majorprojects.support.metrics.GaugeGrid;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code issues_open{level,colour}} (running cases by the level holding them and their colour now,
 * the same colour rule as the lists: {@link WarningCriteria}) and {@code issues_overdue} (running
 * cases past {@code dueAt}). Ten counts on indexed fields per refresh, none per scrape.
 */
class OpenCases {

  private static final List<IssueStatus> RUNNING =
      List.of(IssueStatus.OPEN, IssueStatus.IN_PROGRESS);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final GaugeGrid<RegionLevel, Warning> open;
  private final AtomicLong overdue = new AtomicLong();

  OpenCases(MongoTemplate mongo, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.clock = clock;
    open =
        new GaugeGrid<>(
            registry,
            "issues.open",
            "open cases (OPEN or IN_PROGRESS) by holding level and colour",
            "level",
            RegionLevel.class,
            "colour",
            Warning.class);
    Gauge.builder("issues.overdue", overdue, AtomicLong::get)
        .description("open cases past their deadline now")
        .register(registry);
  }

  /** Counts the open cases now. */
  void count() {
    Instant now = clock.instant();
    open.setAll(
        (level, colour) ->
            count(
                new Criteria()
                    .andOperator(
                        Criteria.where("status").in(RUNNING).and("level").is(level),
                        WarningCriteria.of(colour, now))));
    overdue.set(count(Criteria.where("status").in(RUNNING).and("dueAt").lt(now)));
  }

  private long count(Criteria criteria) {
    return mongo.count(Query.query(criteria), Issue.class);
  }
}
