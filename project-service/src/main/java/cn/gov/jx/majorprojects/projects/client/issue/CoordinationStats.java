package cn.gov.jx.majorprojects.projects.client.issue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Answer of {@code GET /internal/coordination-stats} (contract 2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoordinationStats(
    String regionCode,
    Integer year,
    long received,
    long resolved,
    long resolvedOnTime,
    long overdueNow,
    List<Child> children) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Child(
      String regionCode, long received, long resolved, long resolvedOnTime, long overdueNow) {

    boolean isSound() {
      return regionCode != null
          && received >= 0
          && resolved >= 0
          && resolvedOnTime >= 0
          && overdueNow >= 0;
    }
  }

  /**
   * An answer about this region and year, with counts that can be counts and every child named (not
   * some other shape, whose missing numbers would read as zeros).
   */
  public boolean isAnswerAbout(String regionCode, int year) {
    return regionCode.equals(this.regionCode)
        && this.year != null
        && this.year == year
        && new Child(regionCode, received, resolved, resolvedOnTime, overdueNow).isSound()
        && children != null
        && children.stream().allMatch(c -> c != null && c.isSound());
  }
}
