package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import java.time.Instant;

/** A holder's request for more time; only an approval by the parent region moves the deadline. */
public record ExtensionRequest(
    String id,
    Instant newDueAt,
    String reason,
    String requestedBy,
    Instant requestedAt,
    RegionLevel level,
    String handlingRegion,
    String approverRegion,
    Status status,
    String decidedBy,
    Instant decidedAt) {

  public enum Status {
    PENDING,
    APPROVED,
    DECLINED
  }

  ExtensionRequest decided(Status decision, String by, Instant at) {
    return new ExtensionRequest(
        id,
        newDueAt,
        reason,
        requestedBy,
        requestedAt,
        level,
        handlingRegion,
        approverRegion,
        decision,
        by,
        at);
  }
}
