package cn.gov.jx.majorprojects.issues.query;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.IssueMessage;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.issues.issue.TimelineEntry;
import cn.gov.jx.majorprojects.issues.issue.TimelineVerification;
import cn.gov.jx.majorprojects.issues.query.IssueQueries.CaseCounts;
import cn.gov.jx.majorprojects.issues.query.IssueQueries.IssueFilter;
import cn.gov.jx.majorprojects.issues.stats.Period;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.PageView;
import cn.gov.jx.majorprojects.support.web.Paging;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading cases: the scoped list, one case, its thread, its timeline and the timeline's check. */
@RestController
@RequestMapping("/api/issues")
class CaseQueryController {

  static final Set<String> SORTABLE =
      Set.of("createdAt", "dueAt", "number", "status", "level", "urgency");
  static final String BY_WARNING = "warning";

  private final IssueQueries queries;
  private final RegionTree tree;
  private final Clock clock;

  CaseQueryController(IssueQueries queries, RegionTree tree, Clock clock) {
    this.queries = queries;
    this.tree = tree;
    this.clock = clock;
  }

  /**
   * The scoped list. {@code warning} filters by colour; {@code sort=warning} puts red first, then
   * yellow, then green, each by deadline; {@code handledBy} (with {@code from}/{@code to} months
   * YYYY-MM, default this year so far) keeps the cases that arrived at that unit in the period.
   */
  @GetMapping
  PageView<IssueView> list(
      @RequestParam(required = false) IssueStatus status,
      @RequestParam(required = false) RegionLevel level,
      @RequestParam(required = false) String handlingRegion,
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) Category category,
      @RequestParam(required = false) Urgency urgency,
      @RequestParam(required = false) String projectId,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Boolean supervised,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Warning warning,
      @RequestParam(required = false) String handledBy,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "createdAt,desc") String sort,
      PlatformUser user) {
    if (handledBy != null && !tree.contains(handledBy)) {
      throw BadRequestException.field("handledBy", "no such region");
    }
    Period period = Period.of(from, to, clock);
    IssueFilter filter =
        new IssueFilter(
            status,
            level,
            handlingRegion,
            regionCode,
            category,
            urgency,
            projectId,
            overdue,
            supervised,
            q,
            warning,
            handledBy,
            period.start(),
            period.end());
    if (sort.strip().equals(BY_WARNING)) {
      return PageView.of(
          queries.listByWarning(filter, Paging.of(page, size, Sort.unsorted()), user));
    }
    PageRequest asked = Paging.of(page, size, sort, SORTABLE, "_id");
    // ties broken in the list's own direction: newest first stays newest first among equal times
    Sort.Order order = asked.getSort().iterator().next();
    Sort ordered = Sort.by(order).and(Sort.by(order.getDirection(), "_id"));
    return PageView.of(
        queries.list(
            filter, PageRequest.of(asked.getPageNumber(), asked.getPageSize(), ordered), user));
  }

  /**
   * Open cases of a region's subtree (default: the caller's) counted {@code byLevel} and {@code
   * byWarning}; {@code groupBy} names which (default both). Owners 403, a region outside the
   * caller's 404.
   */
  @GetMapping("/counts")
  CaseCounts counts(
      @RequestParam(required = false) String regionCode,
      @RequestParam(defaultValue = "level,warning") String groupBy,
      PlatformUser user) {
    Set<String> groups = new HashSet<>();
    for (String group : groupBy.split(",")) {
      String g = group.strip();
      if (!g.equals("level") && !g.equals("warning")) {
        throw BadRequestException.field("groupBy", "must list level and/or warning");
      }
      groups.add(g);
    }
    return queries.counts(regionCode, groups.contains("level"), groups.contains("warning"), user);
  }

  @GetMapping("/{id}")
  IssueView get(@PathVariable String id, PlatformUser user) {
    return queries.get(id, user);
  }

  @GetMapping("/{id}/messages")
  PageView<IssueMessage> messages(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      PlatformUser user) {
    return PageView.of(
        queries.messages(
            id,
            Paging.of(page, size, Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))),
            user));
  }

  @GetMapping("/{id}/timeline")
  List<TimelineEntry> timeline(@PathVariable String id, PlatformUser user) {
    return queries.timeline(id, user);
  }

  @GetMapping("/{id}/timeline/verify")
  TimelineVerification verify(@PathVariable String id, PlatformUser user) {
    return queries.verify(id, user);
  }
}
