package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import java.time.Instant;
import java.util.List;

/** An issue as the API answers it. */
public record IssueView(
    String id,
    String number,
    String projectId,
    String projectName,
    String projectRegion,
    String title,
    String description,
    String helpWanted,
    List<String> milestoneIds,
    Category category,
    Urgency urgency,
    IssueStatus status,
    RegionLevel level,
    String handlingRegion,
    List<String> regionsPassed,
    Instant acceptDueAt,
    Instant dueAt,
    Warning warning,
    boolean supervised,
    int policyVersion,
    String reporter,
    String reporterOrg,
    Instant createdAt,
    Instant resolvedAt,
    Instant closedAt,
    String resolution,
    List<ExtensionRequest> pendingExtensionRequests,
    Long version) {

  static IssueView of(Issue i, Warning warning) {
    return new IssueView(
        i.id,
        i.number,
        i.projectId,
        i.projectName,
        i.projectRegion,
        i.title,
        i.description,
        i.helpWanted,
        List.copyOf(i.milestoneIds),
        i.category,
        i.urgency,
        i.status,
        i.level,
        i.handlingRegion,
        List.copyOf(i.regionsPassed),
        i.acceptDueAt,
        i.dueAt,
        warning,
        i.supervised,
        i.policyVersion,
        i.reporter,
        i.reporterOrg,
        i.createdAt,
        i.resolvedAt,
        i.closedAt,
        i.resolution,
        i.extensionRequests.stream()
            .filter(r -> r.status() == ExtensionRequest.Status.PENDING)
            .toList(),
        i.version);
  }
}
