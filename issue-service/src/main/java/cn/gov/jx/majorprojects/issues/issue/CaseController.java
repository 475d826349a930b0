package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.issues.deadline.Urgency;
import cn.gov.jx.majorprojects.issues.issue.IssueQueries.IssueFilter;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.types.ObjectId;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case: list, actions, thread and timeline. An optional {@code If-Match} carries a version. */
@RestController
@RequestMapping("/api/issues")
class CaseController {

  static final int MAX_PAGE_SIZE = 100;
  static final Set<String> SORTABLE =
      Set.of("createdAt", "dueAt", "number", "status", "level", "urgency");

  private final CaseService cases;
  private final IssueQueries queries;
  private final MongoTemplate mongo;

  CaseController(CaseService cases, IssueQueries queries, MongoTemplate mongo) {
    this.cases = cases;
    this.queries = queries;
    this.mongo = mongo;
  }

  record ReasonBody(@NotBlank @Size(max = 2000) String reason) {}

  record InstructionBody(@NotBlank @Size(max = 2000) String instruction) {}

  record ResolutionBody(@NotBlank @Size(max = 5000) String resolution) {}

  record SuperviseBody(@NotBlank @Size(max = 2000) String note) {}

  record ExtensionBody(@NotNull Instant newDueAt, @NotBlank @Size(max = 2000) String reason) {}

  record MessageBody(@NotBlank @Size(max = 5000) String body) {}

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

  @PostMapping("/{id}/accept")
  IssueView accept(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.accept(id, version(ifMatch), user);
  }

  @PostMapping("/{id}/escalate")
  IssueView escalate(
      @PathVariable String id,
      @Valid @RequestBody ReasonBody body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.escalate(id, body.reason(), version(ifMatch), user);
  }

  @PostMapping("/{id}/return")
  IssueView returnDown(
      @PathVariable String id,
      @Valid @RequestBody InstructionBody body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.returnDown(id, body.instruction(), version(ifMatch), user);
  }

  @PostMapping("/{id}/resolve")
  IssueView resolve(
      @PathVariable String id,
      @Valid @RequestBody ResolutionBody body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.resolve(id, body.resolution(), version(ifMatch), user);
  }

  @PostMapping("/{id}/confirm")
  IssueView confirm(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.confirm(id, version(ifMatch), user);
  }

  @PostMapping("/{id}/reopen")
  IssueView reopen(
      @PathVariable String id,
      @Valid @RequestBody ReasonBody body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.reopen(id, body.reason(), version(ifMatch), user);
  }

  @PostMapping("/{id}/supervise")
  IssueView supervise(
      @PathVariable String id,
      @Valid @RequestBody SuperviseBody body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return cases.supervise(id, body.note(), version(ifMatch), user);
  }

  @PostMapping("/{id}/extension-requests")
  ResponseEntity<ExtensionRequest> requestExtension(
      @PathVariable String id, @Valid @RequestBody ExtensionBody body, PlatformUser user) {
    ExtensionRequest request = cases.requestExtension(id, body.newDueAt(), body.reason(), user);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/issues/" + id + "/extension-requests/" + request.id()))
        .body(request);
  }

  @PostMapping("/{id}/extension-requests/{requestId}/approve")
  ExtensionRequest approve(
      @PathVariable String id, @PathVariable String requestId, PlatformUser user) {
    return cases.decideExtension(id, requestId, true, user);
  }

  @PostMapping("/{id}/extension-requests/{requestId}/decline")
  ExtensionRequest decline(
      @PathVariable String id, @PathVariable String requestId, PlatformUser user) {
    return cases.decideExtension(id, requestId, false, user);
  }

  @PostMapping("/{id}/messages")
  ResponseEntity<IssueMessage> post(
      @PathVariable String id, @Valid @RequestBody MessageBody body, PlatformUser user) {
    String messageId = new ObjectId().toHexString();
    Issue issue = cases.postMessage(id, messageId, body.body(), user);
    TimelineEntry entry = issue.lastEntry();
    // after the timeline write, keyed by the id in the entry: a rerun cannot double it
    IssueMessage message =
        mongo.save(new IssueMessage(messageId, issue.id, user.username(), body.body(), entry.at()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/issues/" + id + "/messages/" + messageId))
        .body(message);
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

  static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.trim().replace("W/", "").replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw BadRequestException.field("If-Match", "must be the issue's version number");
    }
  }
}
