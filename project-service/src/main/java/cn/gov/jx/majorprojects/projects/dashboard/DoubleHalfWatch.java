package cn.gov.jx.majorprojects.projects.dashboard;

import cn.gov.jx.majorprojects.projects.outbox.ProjectEvents;
import cn.gov.jx.majorprojects.projects.region.RegionCatalog;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.region.Region;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 双过半: once June's reports are due, every region whose roll-up shows under half of the year's plan
 * done in the first half raises one DOUBLE_HALF_BEHIND event for its managers. The alert's id
 * ({@code DOUBLE_HALF_BEHIND:region:year}) makes it happen once; the event waits in the alert's
 * outbox for the relay.
 */
@Component
class DoubleHalfWatch {

  static final String TYPE = "DOUBLE_HALF_BEHIND";
  private static final Logger log = LoggerFactory.getLogger(DoubleHalfWatch.class);

  private final MongoTemplate mongo;
  private final RegionCatalog regions;
  private final Clock clock;

  DoubleHalfWatch(MongoTemplate mongo, RegionCatalog regions, Clock clock) {
    this.mongo = mongo;
    this.regions = regions;
    this.clock = clock;
  }

  /** One alert per region and year with the event in its outbox; the id keeps it unique. */
  static class RegionAlert {
    @Id String id;
    String type;
    String regionCode;
    int year;
    Instant raisedAt;
    List<EventEnvelope> outbox = new ArrayList<>();
  }

  /** Daily (Asia/Shanghai); answers how many regions were newly alerted. */
  @Scheduled(cron = "${projects.double-half-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
  int check() {
    LocalDate today = LocalDate.now(clock);
    int year = today.getYear();
    Query rollups = Query.query(Criteria.where("year").is(year).and("month").exists(false));
    int raised = 0;
    for (Document rollup : mongo.find(rollups, Document.class, DashboardRollups.ROLLUPS)) {
      Map<String, Long> c = DashboardRollups.counters(rollup.get("f", Document.class));
      long planned = c.getOrDefault("plannedInvestment", 0L);
      long firstHalf = c.getOrDefault("completedFirstHalf", 0L);
      if (DashboardFigures.halfYearBehind(year, planned, firstHalf, today)
          && raise(rollup.getString("regionCode"), year, planned, firstHalf)) {
        raised++;
      }
    }
    if (raised > 0) {
      log.info("双过半: {} regions behind half of their {} plan alerted", raised, year);
    }
    return raised;
  }

  private boolean raise(String regionCode, int year, long planned, long firstHalf) {
    String name = regions.tree().find(regionCode).map(Region::name).orElse(regionCode);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plannedInvestment", DashboardFigures.tenThousands(planned));
    details.put("firstHalfCompleted", DashboardFigures.tenThousands(firstHalf));
    details.put("firstHalfPercent", DashboardFigures.percent(firstHalf, planned));
    RegionAlert alert = new RegionAlert();
    alert.id = TYPE + ":" + regionCode + ":" + year;
    alert.type = TYPE;
    alert.regionCode = regionCode;
    alert.year = year;
    alert.raisedAt = clock.instant();
    alert.outbox.add(ProjectEvents.ofRegion(TYPE, regionCode, name, year, details, alert.raisedAt));
    try {
      mongo.insert(alert, ProjectEvents.REGION_ALERTS);
      return true;
    } catch (DuplicateKeyException alreadyRaised) {
      return false;
    }
  }
}
