package cn.gov.jx.majorprojects.issues.stats;

import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps per-region counters current on write: one document per region, year and dimension ({@code
 * HANDLER}: the unit that held the case; {@code PROJECT}: the project's county), with a
 * sub-document per month, changed with {@code $inc} so readers never scan the issues.
 */
@Component
public class StatsRecorder {

  private static final Logger log = LoggerFactory.getLogger(StatsRecorder.class);

  static final String COLLECTION = "region_stats";

  private final MongoTemplate mongo;

  StatsRecorder(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Counts for the unit that handles (or handled) a case. */
  public void handler(String region, Instant at, Map<String, Long> increments) {
    record(Dimension.HANDLER, region, at, increments);
  }

  /** Counts for the county of a case's project (contract 2). */
  public void project(String county, Instant at, Map<String, Long> increments) {
    record(Dimension.PROJECT, county, at, increments);
  }

  static String id(Dimension dimension, String region, int year) {
    return dimension + ":" + region + ":" + year;
  }

  private void record(
      Dimension dimension, String region, Instant at, Map<String, Long> increments) {
    if (region == null || increments.isEmpty()) {
      return;
    }
    ZonedDateTime local = at.atZone(WorkingCalendar.ZONE);
    String month = "%02d".formatted(local.getMonthValue());
    Update update =
        new Update()
            .setOnInsert("dimension", dimension.name())
            .setOnInsert("region", region)
            .setOnInsert("year", local.getYear());
    increments.forEach((field, by) -> update.inc("months." + month + "." + field, by));
    Query query = Query.query(Criteria.where("_id").is(id(dimension, region, local.getYear())));
    try {
      mongo.upsert(query, update, COLLECTION);
    } catch (DuplicateKeyException e) {
      // two first writers of the same document raced on the upsert: the second one updates
      mongo.upsert(query, update, COLLECTION);
    } catch (RuntimeException e) {
      // the case itself is already written; a lost counter must not turn it into an error
      log.error(
          "counters of {} {} not updated by {}: {}", dimension, region, increments, e.toString());
    }
  }

  enum Dimension {
    HANDLER,
    PROJECT
  }
}
