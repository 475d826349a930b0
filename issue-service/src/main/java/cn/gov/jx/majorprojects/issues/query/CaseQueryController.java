package cn.gov.jx.majorprojects.issues.query;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.issue.Category;
import cn.gov.jx.majorprojects.issues.issue.IssueMessage;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.issues.issue.TimelineEntry;
import cn.gov.jx.majorprojects.issues.issue.TimelineVerification;
import cn.gov.jx.majorprojects.issues.query.IssueQueries.IssueFilter;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.PageView;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
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

  static final int MAX_PAGE_SIZE = 100;
  static final Set<String> SORTABLE =
      Set.of("createdAt", "dueAt", "number", "status", "level", "urgency");

  private final IssueQueries queries;

  CaseQueryController(IssueQueries queries) {
    this.queries = queries;
  }

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
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "createdAt,desc") String sort,
      PlatformUser user) {
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
            q);
    var result = queries.list(filter, pageRequest(page, size, sort, SORTABLE), user);
    return PageView.of(result, v -> v);
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
        queries.messages(id, pageRequest(page, size, "createdAt,asc", Set.of("createdAt")), user),
        m -> m);
  }

  @GetMapping("/{id}/timeline")
  List<TimelineEntry> timeline(@PathVariable String id, PlatformUser user) {
    return queries.timeline(id, user);
  }

  @GetMapping("/{id}/timeline/verify")
  TimelineVerification verify(@PathVariable String id, PlatformUser user) {
    return queries.verify(id, user);
  }

  static Pageable pageRequest(int page, int size, String sort, Set<String> sortable) {
    if (page < 0) {
      throw BadRequestException.field("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw BadRequestException.field("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    String[] parts = sort.split(",");
    String field = parts[0].trim();
    if (!sortable.contains(field)) {
      throw BadRequestException.field("sort", "must be one of " + sortable);
    }
    Sort.Direction direction =
        parts.length > 1 && parts[1].trim().equalsIgnoreCase("asc")
            ? Sort.Direction.ASC
            : Sort.Direction.DESC;
    return PageRequest.of(page, size, Sort.by(direction, field).and(Sort.by(direction, "_id")));
  }
}
