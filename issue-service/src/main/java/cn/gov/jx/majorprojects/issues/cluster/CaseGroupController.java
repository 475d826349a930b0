package cn.gov.jx.majorprojects.issues.cluster;

import cn.gov.jx.majorprojects.issues.meeting.GroupMeetings;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.IfMatch;
import cn.gov.jx.majorprojects.support.web.PageView;
import cn.gov.jx.majorprojects.support.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Groups of cases confirmed as one matter: their cases, discussion, meeting and decisions. */
@RestController
@RequestMapping("/api/case-groups")
class CaseGroupController {

  private final CaseGroupService groups;

  CaseGroupController(CaseGroupService groups) {
    this.groups = groups;
  }

  record ConfirmBody(
      @NotNull @Size(min = 2, max = 50) List<@NotBlank String> caseIds,
      @Size(max = 200) String title) {}

  record MessageBody(@NotBlank @Size(max = 5000) String body) {}

  record MeetingBody(
      @Size(max = 200) String title,
      @NotNull Instant scheduledAt,
      @Size(max = 100) List<@NotBlank String> attendees) {}

  record DecisionBody(
      @NotBlank @Size(max = 5000) String decision,
      @NotBlank @Size(max = 200) String responsibleUnit,
      @NotNull Instant dueAt) {}

  @PostMapping
  ResponseEntity<CaseGroup.View> confirm(@Valid @RequestBody ConfirmBody body, PlatformUser user) {
    CaseGroup.View group = groups.confirm(body.caseIds(), body.title(), user);
    return ResponseEntity.created(URI.create("/api/case-groups/" + group.id())).body(group);
  }

  @GetMapping
  PageView<CaseGroup.View> list(
      @RequestParam(required = false) String regionCode,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      PlatformUser user) {
    return PageView.of(
        groups.list(
            regionCode,
            Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "_id")),
            user));
  }

  @GetMapping("/{id}")
  CaseGroup.View get(@PathVariable String id, PlatformUser user) {
    return groups.get(id, user);
  }

  @DeleteMapping("/{id}/cases/{caseId}")
  CaseGroup.View remove(
      @PathVariable String id,
      @PathVariable String caseId,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      PlatformUser user) {
    return groups.remove(id, caseId, version(ifMatch), user);
  }

  @PostMapping("/{id}/messages")
  ResponseEntity<GroupMessage> post(
      @PathVariable String id, @Valid @RequestBody MessageBody body, PlatformUser user) {
    GroupMessage message = groups.postMessage(id, body.body(), user);
    return ResponseEntity.status(HttpStatus.CREATED).body(message);
  }

  @GetMapping("/{id}/messages")
  PageView<GroupMessage> messages(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      PlatformUser user) {
    return PageView.of(
        groups.messages(id, Paging.of(page, size, Sort.by("createdAt").and(Sort.by("_id"))), user));
  }

  @PostMapping("/{id}/meeting")
  ResponseEntity<Object> meeting(
      @PathVariable String id, @Valid @RequestBody MeetingBody body, PlatformUser user) {
    GroupMeetings.Organised meeting =
        groups.organiseMeeting(id, body.title(), body.scheduledAt(), body.attendees(), user);
    return ResponseEntity.created(URI.create("/api/coordination-meetings/" + meeting.id()))
        .body(meeting.meeting());
  }

  @PostMapping("/{id}/decisions")
  ResponseEntity<CaseGroup.GroupDecision> decide(
      @PathVariable String id, @Valid @RequestBody DecisionBody body, PlatformUser user) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            groups.decide(
                id,
                new CaseGroupService.NewDecision(
                    body.decision(), body.responsibleUnit(), body.dueAt()),
                user));
  }

  @PostMapping("/{id}/decisions/{decisionId}/done")
  CaseGroup.GroupDecision done(
      @PathVariable String id, @PathVariable String decisionId, PlatformUser user) {
    return groups.done(id, decisionId, user);
  }

  private static Long version(String ifMatch) {
    return IfMatch.version(ifMatch, "the group's");
  }
}
