package cn.gov.jx.majorprojects.issues.handling;

import cn.gov.jx.majorprojects.issues.issue.ExtensionRequest;
import cn.gov.jx.majorprojects.issues.issue.IssueMessage;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What is done to a case: its actions and posts in its thread. {@code If-Match} carries a version.
 */
@RestController
@RequestMapping("/api/issues")
class CaseController {

  private final CaseService cases;

  CaseController(CaseService cases) {
    this.cases = cases;
  }

  record ReasonBody(@NotBlank @Size(max = 2000) String reason) {}

  record InstructionBody(@NotBlank @Size(max = 2000) String instruction) {}

  record ResolutionBody(@NotBlank @Size(max = 5000) String resolution) {}

  record SuperviseBody(@NotBlank @Size(max = 2000) String note) {}

  record ExtensionBody(@NotNull Instant newDueAt, @NotBlank @Size(max = 2000) String reason) {}

  record MessageBody(@NotBlank @Size(max = 5000) String body) {}

  /** The milestones the case holds up, all of them (an empty list unlinks it). */
  record MilestonesBody(
      @NotNull @Size(max = 20) List<@NotBlank @Size(max = 40) String> milestoneIds,
      @NotNull Long version) {}

  /** The reporting organisation or the holding coordinators name the milestones it holds up. */
  @PutMapping("/{id}/milestones")
  IssueView milestones(
      @PathVariable String id, @Valid @RequestBody MilestonesBody body, PlatformUser user) {
    return cases.changeMilestones(id, body.milestoneIds(), body.version(), user);
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
    IssueMessage message = cases.postMessage(id, body.body(), user);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/issues/" + id + "/messages/" + message.id()))
        .body(message);
  }

  private static Long version(String ifMatch) {
    return IfMatch.version(ifMatch, "the issue's");
  }
}
