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
      String regionCode, long received, long resolved, long resolvedOnTime, long overdueNow) {}
}
