package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One event of a case, never edited. {@code hash} is SHA-256 over the previous entry's hash and
 * this entry's content, so any later edit or removal breaks the chain.
 */
public record TimelineEntry(
    int sequence,
    String type,
    String actor,
    Instant at,
    RegionLevel fromLevel,
    String fromRegion,
    RegionLevel toLevel,
    String toRegion,
    Map<String, String> details,
    String previousHash,
    String hash) {

  static final String GENESIS = "0".repeat(64);

  static TimelineEntry next(
      TimelineEntry previous,
      String type,
      String actor,
      Instant at,
      RegionLevel fromLevel,
      String fromRegion,
      RegionLevel toLevel,
      String toRegion,
      Map<String, String> details) {
    // MongoDB keeps milliseconds: hash what will be read back, or the chain breaks on reload
    at = at.truncatedTo(ChronoUnit.MILLIS);
    int sequence = previous == null ? 1 : previous.sequence() + 1;
    String prev = previous == null ? GENESIS : previous.hash();
    Map<String, String> sorted = new TreeMap<>(details);
    String hash =
        hashOf(sorted, prev, sequence, type, actor, at, fromLevel, fromRegion, toLevel, toRegion);
    return new TimelineEntry(
        sequence, type, actor, at, fromLevel, fromRegion, toLevel, toRegion, sorted, prev, hash);
  }

  /** SHA-256 of the previous hash and this entry's content, in a fixed field order. */
  String computeHash() {
    return hashOf(
        details, previousHash, sequence, type, actor, at, fromLevel, fromRegion, toLevel, toRegion);
  }

  /** The fields one a line in the order given, then the details sorted by key ({@code k=v}). */
  private static String hashOf(Map<String, String> details, Object... fields) {
    StringJoiner content = new StringJoiner("\n");
    for (Object field : fields) {
      content.add(String.valueOf(field));
    }
    new TreeMap<>(details == null ? Map.<String, String>of() : details)
        .forEach((k, v) -> content.add(k + "=" + v));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
