package cn.gov.jx.majorprojects.issues.stats;

import cn.gov.jx.majorprojects.issues.stats.StatsController.AccountabilityRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly ranking (红黑榜): per level of unit, the units with at least {@value #MIN_RESOLVED}
 * resolutions in the month ordered by on-time rate (higher first), then by hours holding per ended
 * stay (fewer first). The upper half (at most {@value #PLACES}) is the best list, the lower half
 * (at most {@value #PLACES}, worst first) the worst. A past month is frozen as a snapshot on its
 * first reading and never recomputed; its hash chains it to the region's previous month like a
 * case's timeline (SHA-256 over the previous hash and the content).
 */
@Component
class Ranking {

  static final int MIN_RESOLVED = 3;
  static final int PLACES = 3;
  static final String GENESIS = "0".repeat(64);

  private final MongoTemplate mongo;
  private final Clock clock;

  Ranking(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** One unit's place. */
  record Place(
      int rank,
      String regionCode,
      String regionName,
      long resolved,
      long resolvedOnTime,
      double onTimeRate,
      double hoursHoldingPerStay) {}

  /** The best and worst units of one level. */
  record LevelRanking(String level, int eligible, List<Place> best, List<Place> worst) {}

  /** What the API answers; {@code hash} and {@code intact} only for a frozen month. */
  record View(
      String period,
      String regionCode,
      int minResolved,
      boolean frozen,
      Instant frozenAt,
      String previousHash,
      String hash,
      Boolean intact,
      List<LevelRanking> levels) {}

  @Document("ranking_snapshots")
  record Snapshot(
      @Id String id,
      String regionCode,
      String period,
      Instant frozenAt,
      String previousHash,
      String hash,
      List<LevelRanking> levels) {}

  View of(String region, YearMonth month, YearMonth now, Supplier<List<AccountabilityRow>> rows) {
    if (!month.isBefore(now)) {
      return new View(
          month.toString(), region, MIN_RESOLVED, false, null, null, null, null, rank(rows.get()));
    }
    String id = region + ":" + month;
    Snapshot snapshot = mongo.findById(id, Snapshot.class);
    if (snapshot == null) {
      Snapshot previous = mongo.findById(region + ":" + month.minusMonths(1), Snapshot.class);
      String previousHash = previous == null ? GENESIS : previous.hash();
      List<LevelRanking> levels = rank(rows.get());
      snapshot =
          new Snapshot(
              id,
              region,
              month.toString(),
              clock.instant(),
              previousHash,
              hash(previousHash, region, month.toString(), levels),
              levels);
      try {
        mongo.insert(snapshot);
      } catch (DuplicateKeyException frozenMeanwhile) {
        snapshot = mongo.findById(id, Snapshot.class);
      }
    }
    return new View(
        snapshot.period(),
        region,
        MIN_RESOLVED,
        true,
        snapshot.frozenAt(),
        snapshot.previousHash(),
        snapshot.hash(),
        snapshot
            .hash()
            .equals(
                hash(
                    snapshot.previousHash(),
                    snapshot.regionCode(),
                    snapshot.period(),
                    snapshot.levels())),
        snapshot.levels());
  }

  static List<LevelRanking> rank(List<AccountabilityRow> rows) {
    Map<String, List<Place>> byLevel = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> r.resolved() >= MIN_RESOLVED)
        .map(Ranking::place)
        .sorted(
            Comparator.comparingDouble(Place::onTimeRate)
                .reversed()
                .thenComparingDouble(Place::hoursHoldingPerStay)
                .thenComparing(Place::regionCode))
        .forEach(
            p ->
                byLevel
                    .computeIfAbsent(levelOf(rows, p.regionCode()), l -> new ArrayList<>())
                    .add(p));
    List<LevelRanking> out = new ArrayList<>();
    byLevel.forEach(
        (level, places) -> {
          List<Place> ranked = new ArrayList<>();
          for (int i = 0; i < places.size(); i++) {
            Place p = places.get(i);
            ranked.add(
                new Place(
                    i + 1,
                    p.regionCode(),
                    p.regionName(),
                    p.resolved(),
                    p.resolvedOnTime(),
                    p.onTimeRate(),
                    p.hoursHoldingPerStay()));
          }
          int best = Math.min(PLACES, (ranked.size() + 1) / 2);
          int worst = Math.min(PLACES, ranked.size() - best);
          List<Place> bottom =
              new ArrayList<>(ranked.subList(ranked.size() - worst, ranked.size()));
          Collections.reverse(bottom);
          out.add(
              new LevelRanking(level, ranked.size(), List.copyOf(ranked.subList(0, best)), bottom));
        });
    return out;
  }

  private static String levelOf(List<AccountabilityRow> rows, String code) {
    return rows.stream().filter(r -> r.regionCode().equals(code)).findFirst().orElseThrow().level();
  }

  private static Place place(AccountabilityRow r) {
    long stays = r.resolved() + r.escalatedAway() + r.returnedDown();
    return new Place(
        0,
        r.regionCode(),
        r.regionName(),
        r.resolved(),
        r.resolvedOnTime(),
        Math.round(1000.0 * r.resolvedOnTime() / r.resolved()) / 1000.0,
        Math.round(100.0 * r.hoursHolding() / Math.max(1, stays)) / 100.0);
  }

  static String hash(String previousHash, String region, String period, List<LevelRanking> levels) {
    String content =
        previousHash
            + "\n"
            + region
            + "\n"
            + period
            + "\n"
            + JsonMapper.shared().writeValueAsString(levels);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
