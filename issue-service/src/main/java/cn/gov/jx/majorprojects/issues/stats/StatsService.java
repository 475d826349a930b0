package cn.gov.jx.majorprojects.issues.stats;

import cn.gov.jx.majorprojects.issues.stats.StatsRecorder.Dimension;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads the per-region counters and adds what only the live cases can say (overdue now). */
@Service
class StatsService {

  private final MongoTemplate mongo;
  private final RegionTree tree;
  private final Clock clock;

  StatsService(MongoTemplate mongo, RegionTree tree, Clock clock) {
    this.mongo = mongo;
    this.tree = tree;
    this.clock = clock;
  }

  /** Counters of a set of regions summed over the months from..to, per region. */
  Map<String, Counters> counters(
      Dimension dimension, List<String> regions, YearMonth from, YearMonth to) {
    List<String> ids = new ArrayList<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      for (String region : regions) {
        ids.add(StatsRecorder.id(dimension, region, year));
      }
    }
    Map<String, Counters> out = new HashMap<>();
    Query query = Query.query(Criteria.where("_id").in(ids));
    for (Document doc : mongo.find(query, Document.class, StatsRecorder.COLLECTION)) {
      int year = doc.getInteger("year");
      Counters counters = out.computeIfAbsent(doc.getString("region"), r -> new Counters());
      Document months = doc.get("months", Document.class);
      if (months == null) {
        continue;
      }
      for (String month : months.keySet()) {
        YearMonth ym = YearMonth.of(year, Integer.parseInt(month));
        if (!ym.isBefore(from) && !ym.isAfter(to)) {
          counters.add(months.get(month, Document.class));
        }
      }
    }
    return out;
  }

  /** Running cases past their deadline, counted per value of {@code field} among the codes. */
  Map<String, Long> overdueNow(String field, List<String> codes) {
    Aggregation aggregation =
        Aggregation.newAggregation(
            Aggregation.match(
                Criteria.where("status")
                    .in("OPEN", "IN_PROGRESS")
                    .and("dueAt")
                    .lt(clock.instant())
                    .and(field)
                    .in(codes)),
            Aggregation.group(field).count().as("n"));
    Map<String, Long> out = new HashMap<>();
    for (Document row : mongo.aggregate(aggregation, "issues", Document.class)) {
      out.put(row.getString("_id"), ((Number) row.get("n")).longValue());
    }
    return out;
  }

  List<String> subtree(String region) {
    return tree.subtree(region).stream().map(Region::code).toList();
  }

  /** Summed counters of one region (or a subtree); {@code resolveDays} keeps the distribution. */
  static final class Counters {
    final Map<String, Long> values = new HashMap<>();
    final Map<Integer, Long> resolveDays = new TreeMap<>();

    void add(Document month) {
      for (String key : month.keySet()) {
        Object value = month.get(key);
        if (value instanceof Document days) {
          days.forEach(
              (d, n) ->
                  resolveDays.merge(Integer.parseInt(d), ((Number) n).longValue(), Long::sum));
        } else if (value instanceof Number n) {
          values.merge(key, n.longValue(), Long::sum);
        }
      }
    }

    void add(Counters other) {
      other.values.forEach((k, v) -> values.merge(k, v, Long::sum));
      other.resolveDays.forEach((k, v) -> resolveDays.merge(k, v, Long::sum));
    }

    long get(String key) {
      return values.getOrDefault(key, 0L);
    }

    boolean isEmpty() {
      return values.values().stream().allMatch(v -> v == 0);
    }

    /** The median of the working days to resolve, or null without resolutions. */
    Double medianResolveDays() {
      long total = resolveDays.values().stream().mapToLong(Long::longValue).sum();
      if (total == 0) {
        return null;
      }
      long lowIndex = (total - 1) / 2;
      long highIndex = total / 2;
      long seen = 0;
      Integer low = null;
      Integer high = null;
      for (Map.Entry<Integer, Long> e : resolveDays.entrySet()) {
        long next = seen + e.getValue();
        if (low == null && lowIndex < next) {
          low = e.getKey();
        }
        if (high == null && highIndex < next) {
          high = e.getKey();
        }
        seen = next;
      }
      return (low + high) / 2.0;
    }
  }
}
