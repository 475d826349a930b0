package cn.gov.jx.majorprojects.issues.issue;

import java.util.List;

/** Whether a timeline's hash chain is intact, and where it breaks if not. */
public record TimelineVerification(
    boolean intact, int entries, Integer firstBrokenSequence, String lastHash, String reason) {

  public static TimelineVerification of(List<TimelineEntry> timeline) {
    String previous = TimelineEntry.GENESIS;
    int expectedSequence = 1;
    for (TimelineEntry entry : timeline) {
      String reason = null;
      if (entry.sequence() != expectedSequence) {
        reason = "sequence " + entry.sequence() + " where " + expectedSequence + " was expected";
      } else if (!previous.equals(entry.previousHash())) {
        reason = "previousHash does not match the entry before";
      } else if (!entry.computeHash().equals(entry.hash())) {
        reason = "content does not match its hash";
      }
      if (reason != null) {
        return new TimelineVerification(false, timeline.size(), entry.sequence(), null, reason);
      }
      previous = entry.hash();
      expectedSequence++;
    }
    return new TimelineVerification(true, timeline.size(), null, previous, null);
  }
}
