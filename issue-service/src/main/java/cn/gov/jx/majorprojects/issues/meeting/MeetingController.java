package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.issues.meeting.MeetingService.NewDecision;
import cn.gov.jx.majorprojects.issues.meeting.MeetingService.NewMeeting;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordination meetings: organised by a coordinator for cases it can see; each decision lands in
 * its case's timeline and thread and keeps the case from being closed until it is done.
 */
@RestController
@RequestMapping("/api/coordination-meetings")
class MeetingController {

  private final MeetingService meetings;

  MeetingController(MeetingService meetings) {
    this.meetings = meetings;
  }

  record MeetingBody(
      @NotBlank @Size(max = 200) String title,
      @NotBlank String regionCode,
      @NotNull Instant scheduledAt,
      @Size(max = 100) List<@NotBlank String> attendees,
      @NotEmpty @Size(max = 50) List<@NotBlank String> issueIds) {}

  record DecisionBody(
      @NotBlank String issueId,
      @NotBlank @Size(max = 5000) String decision,
      @NotBlank @Size(max = 200) String responsibleUnit,
      @NotNull Instant dueAt) {}

  @PostMapping
  ResponseEntity<Meeting.View> create(@Valid @RequestBody MeetingBody body, PlatformUser user) {
    Meeting.View meeting =
        meetings.create(
            new NewMeeting(
                body.title(),
                body.regionCode(),
                body.scheduledAt(),
                body.attendees(),
                body.issueIds()),
            user);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/coordination-meetings/" + meeting.id()))
        .body(meeting);
  }

  @GetMapping("/{id}")
  Meeting.View get(@PathVariable String id, PlatformUser user) {
    return meetings.get(id, user);
  }

  @PostMapping("/{id}/decisions")
  ResponseEntity<Meeting.Decision> decide(
      @PathVariable String id, @Valid @RequestBody DecisionBody body, PlatformUser user) {
    Meeting.Decision decision =
        meetings.decide(
            id,
            new NewDecision(body.issueId(), body.decision(), body.responsibleUnit(), body.dueAt()),
            user);
    return ResponseEntity.status(HttpStatus.CREATED).body(decision);
  }

  @PostMapping("/{id}/decisions/{decisionId}/done")
  Meeting.Decision done(
      @PathVariable String id, @PathVariable String decisionId, PlatformUser user) {
    return meetings.done(id, decisionId, user);
  }
}
