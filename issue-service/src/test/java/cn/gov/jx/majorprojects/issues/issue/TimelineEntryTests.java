package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline's hash chain without Spring: its content format, its links, and what breaks it. */
class TimelineEntryTests {

  static final Instant AT = Instant.parse("2026-11-26T02:00:00.123456Z");

  static String sha256(String content) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theHashCoversThePreviousHashTheFieldsOneALineAndTheDetailsSortedByKey() throws Exception {
    TimelineEntry first =
        TimelineEntry.next(
            null,
            "ESCALATED",
            "coord.hgt",
            AT,
            RegionLevel.COUNTY,
            "360113",
            RegionLevel.CITY,
            "360100",
            Map.of("reason", "需市级", "a", "1"));
    // stored chains were hashed over exactly this text: it must never change
    String content =
        TimelineEntry.GENESIS
            + "\n1\nESCALATED\ncoord.hgt\n2026-11-26T02:00:00.123Z\nCOUNTY\n360113\nCITY\n360100"
            + "\na=1\nreason=需市级";
    assertThat(first.at()).isEqualTo(Instant.parse("2026-11-26T02:00:00.123Z"));
    assertThat(first.hash()).isEqualTo(sha256(content)).isEqualTo(first.computeHash());
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(TimelineEntry.GENESIS);
  }

  @Test
  void eachEntryLinksToThePreviousOneAndAnEditBreaksTheLink() {
    TimelineEntry first =
        TimelineEntry.next(null, "SUBMITTED", "owner.hgt", AT, null, null, null, null, Map.of());
    TimelineEntry second =
        TimelineEntry.next(
            first, "ACCEPTED", "coord.hgt", AT, null, null, null, null, Map.of("x", "y"));
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.computeHash()).isEqualTo(second.hash());
    TimelineEntry edited =
        new TimelineEntry(
            second.sequence(),
            second.type(),
            "someone.else",
            second.at(),
            null,
            null,
            null,
            null,
            second.details(),
            second.previousHash(),
            second.hash());
    assertThat(edited.computeHash()).isNotEqualTo(edited.hash());
  }
}
