package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.issues.meeting.MeetingService.MeetingFilter;
import cn.gov.jx.majorprojects.issues.meeting.MeetingService.NewDecision;
import cn.gov.jx.majorprojects.issues.meeting.MeetingService.NewMeeting;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.PageView;
import cn.gov.jx.majorprojects.support.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordination meetings: organised by a coordinator for cases it can see; each decision lands in
 * its case's timeline and thread and keeps the case from being closed until it is done.
 */
@RestController
@RequestMapping("/api/coordination-meetings")
class MeetingController {

  private final MeetingService meetings;
  private final RegionTree tree;

  MeetingController(MeetingService meetings, RegionTree tree) {
    this.meetings = meetings;
    this.tree = tree;
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
      @Pattern(regexp = "\\d{6}") String responsibleRegion,
      @NotNull Instant dueAt) {}

  /**
   * The meetings the caller would see one by one, newest first (by {@code scheduledAt}): {@code
   * regionCode} (its subtree), {@code status} OPEN|DONE, {@code from}/{@code to} meeting days
   * YYYY-MM-DD (Asia/Shanghai, inclusive).
   */
  @GetMapping
  PageView<Meeting.Summary> list(
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      PlatformUser user) {
    if (regionCode != null && !tree.contains(regionCode)) {
      throw BadRequestException.field("regionCode", "no such region");
    }
    if (status != null && !Meeting.OPEN.equals(status) && !Meeting.DONE.equals(status)) {
      throw BadRequestException.field("status", "must be OPEN or DONE");
    }
    LocalDate start = day("from", from);
    LocalDate end = day("to", to);
    if (start != null && end != null && end.isBefore(start)) {
      throw BadRequestException.field("to", "must not be before from");
    }
    var pageable =
        Paging.of(page, size, Sort.by(Sort.Order.desc("scheduledAt"), Sort.Order.desc("_id")));
    return PageView.of(
        meetings.list(new MeetingFilter(regionCode, status, start, end), pageable, user));
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw BadRequestException.field(field, "must be a day YYYY-MM-DD");
    }
  }

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
  ResponseEntity<Meeting.DecisionView> decide(
      @PathVariable String id, @Valid @RequestBody DecisionBody body, PlatformUser user) {
    Meeting.DecisionView decision =
        meetings.decide(
            id,
            new NewDecision(
                body.issueId(),
                body.decision(),
                body.responsibleUnit(),
                body.responsibleRegion(),
                body.dueAt()),
            user);
    return ResponseEntity.status(HttpStatus.CREATED).body(decision);
  }

  @PostMapping("/{id}/decisions/{decisionId}/done")
  Meeting.DecisionView done(
      @PathVariable String id, @PathVariable String decisionId, PlatformUser user) {
    return meetings.done(id, decisionId, user);
  }
}
