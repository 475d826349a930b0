package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.issues.cluster.ClusterFinder.Candidate;
import cn.gov.jx.majorprojects.issues.cluster.ClusterFinder.Cluster;
import cn.gov.jx.majorprojects.issues.deadline.WorkingCalendar;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.support.region.Region;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Likely groups among the open cases of a region: one indexed query (index {@code
 * region_status_created}: the project counties of the region's subtree, OPEN or IN_PROGRESS, newest
 * first, at most {@code issues.clusters.max-candidates}), then {@link ClusterFinder} in memory.
 * Cases already in a confirmed group are left out.
 */
@Service
class ClusterService {

  private final MongoTemplate mongo;
  private final RegionTree tree;
  private final Jurisdiction jurisdiction;
  private final CaseRulebook rulebook;
  private final ClusterProperties properties;
  private final Clock clock;

  ClusterService(
      MongoTemplate mongo,
      RegionTree tree,
      Jurisdiction jurisdiction,
      CaseRulebook rulebook,
      ClusterProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.tree = tree;
    this.jurisdiction = jurisdiction;
    this.rulebook = rulebook;
    this.properties = properties;
    this.clock = clock;
  }

  record CaseRef(
      String id,
      String number,
      String title,
      String projectId,
      String projectName,
      String projectRegion) {

    static CaseRef of(Candidate c) {
      return new CaseRef(
          c.id(), c.number(), c.title(), c.projectId(), c.projectName(), c.projectRegion());
    }
  }

  record ClusterView(
      String key,
      Category category,
      String regionCode,
      String regionName,
      double score,
      List<String> reasons,
      List<String> sharedTerms,
      List<CaseRef> cases) {}

  /** The groups, and how many open cases were compared (at most {@code limit}). */
  record Clusters(
      String regionCode,
      int compared,
      int limit,
      boolean truncated,
      double threshold,
      List<ClusterView> clusters) {}

  ClusterFinder finder() {
    return new ClusterFinder(tree, properties.threshold());
  }

  /** The region a scoped request asks about: 400 malformed, 404 unknown or outside the caller's. */
  String scopedRegion(String regionCode, PlatformUser user) {
    String region = regionCode == null ? user.region() : regionCode;
    if (regionCode != null && !RegionTree.isWellFormed(regionCode)) {
      throw BadRequestException.field("regionCode", "must be a 6-digit region code");
    }
    if (!user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER)) {
      throw new AccessDeniedException("groups of cases are for coordinators and managers");
    }
    if (!tree.contains(region) || !jurisdiction.covers(user, region)) {
      throw new NotFoundException("Region", String.valueOf(region));
    }
    return region;
  }

  Clusters find(String regionCode, PlatformUser user) {
    String region = scopedRegion(regionCode, user);
    int limit = properties.maxCandidates();
    Query query =
        Query.query(
                Criteria.where("projectRegion")
                    .in(tree.subtree(region).stream().map(Region::code).toList())
                    .and("status")
                    .in(IssueStatus.OPEN, IssueStatus.IN_PROGRESS))
            .with(Sort.by(Sort.Direction.DESC, "createdAt"))
            .limit(limit + 1);
    query.fields().exclude("timeline").exclude("outbox");
    List<Issue> open = mongo.find(query, Issue.class);
    boolean truncated = open.size() > limit;
    List<Issue> compared = truncated ? open.subList(0, limit) : open;
    WorkingCalendar calendar = rulebook.current().calendar();
    Instant now = clock.instant();
    Set<String> grouped = grouped(compared.stream().map(Issue::id).toList());
    List<Candidate> candidates =
        compared.stream()
            .filter(i -> !grouped.contains(i.id()))
            .map(i -> candidate(i.view(calendar, now)))
            .toList();
    List<ClusterView> clusters =
        finder().find(candidates).stream().map(ClusterService::view).toList();
    return new Clusters(
        region, compared.size(), limit, truncated, properties.threshold(), clusters);
  }

  /** Which of these cases are in a confirmed group already. */
  Set<String> grouped(List<String> issueIds) {
    Set<String> out = new HashSet<>();
    mongo
        .find(Query.query(Criteria.where("_id").in(issueIds)), GroupMembership.class)
        .forEach(m -> out.add(m.issueId()));
    return out;
  }

  static Candidate candidate(IssueView v) {
    return new Candidate(
        v.id(),
        v.number(),
        v.title(),
        v.description(),
        v.category(),
        v.projectId(),
        v.projectName(),
        v.projectRegion());
  }

  private static ClusterView view(Cluster c) {
    return new ClusterView(
        c.key(),
        c.category(),
        c.regionCode(),
        c.regionName(),
        c.score(),
        c.reasons(),
        c.sharedTerms(),
        c.cases().stream().map(CaseRef::of).toList());
  }
}
