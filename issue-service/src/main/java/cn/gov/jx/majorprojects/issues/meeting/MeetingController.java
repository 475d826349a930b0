package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.issues.issue.CaseDecisions;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

  private final MongoTemplate mongo;
  private final CaseDecisions cases;
  private final Jurisdiction jurisdiction;
  private final RegionTree tree;
  private final Clock clock;

  MeetingController(
      MongoTemplate mongo,
      CaseDecisions cases,
      Jurisdiction jurisdiction,
      RegionTree tree,
      Clock clock) {
    this.mongo = mongo;
    this.cases = cases;
    this.jurisdiction = jurisdiction;
    this.tree = tree;
    this.clock = clock;
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
    if (!user.has(PlatformRole.COORDINATOR)) {
      throw new AccessDeniedException("coordinators organise coordination meetings");
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!tree.contains(body.regionCode()) || !jurisdiction.covers(user, body.regionCode())) {
      problems.add(new FieldProblem("regionCode", "is not a region within yours"));
    }
    for (int i = 0; i < body.issueIds().size(); i++) {
      if (!cases.visible(body.issueIds().get(i), user)) {
        problems.add(new FieldProblem("issueIds[" + i + "]", "no such issue that you can see"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("The meeting has invalid fields", problems);
    }
    Meeting meeting = new Meeting();
    meeting.title = body.title();
    meeting.regionCode = body.regionCode();
    meeting.scheduledAt = body.scheduledAt();
    meeting.attendees =
        body.attendees() == null ? new ArrayList<>() : List.copyOf(body.attendees());
    meeting.issueIds = body.issueIds().stream().distinct().toList();
    meeting.organiser = user.username();
    meeting.createdAt = clock.instant();
    Meeting stored = mongo.insert(meeting);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/coordination-meetings/" + stored.id))
        .body(stored.view());
  }

  @GetMapping("/{id}")
  Meeting.View get(@PathVariable String id, PlatformUser user) {
    return visible(id, user).view();
  }

  @PostMapping("/{id}/decisions")
  ResponseEntity<Meeting.Decision> decide(
      @PathVariable String id, @Valid @RequestBody DecisionBody body, PlatformUser user) {
    Meeting meeting = forOrganisers(id, user);
    // a case the caller cannot see answers like one not on the agenda, so it does not leak
    if (!meeting.issueIds.contains(body.issueId()) || !cases.visible(body.issueId(), user)) {
      throw BadRequestException.field("issueId", "is not one of this meeting's issues you can see");
    }
    Instant now = clock.instant();
    Meeting.Decision decision =
        new Meeting.Decision(
            new ObjectId().toHexString(),
            body.issueId(),
            body.decision(),
            body.responsibleUnit(),
            body.dueAt(),
            "OPEN",
            user.username(),
            now,
            null,
            null);
    // the case first: an open decision must block closing even if the meeting write is lost
    cases.recorded(
        body.issueId(),
        decision.id(),
        "【" + meeting.title + "】" + body.decision() + "（责任单位：" + body.responsibleUnit() + "）",
        details(meeting, decision),
        user);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().push("decisions", decision).inc("version", 1),
        Meeting.class);
    return ResponseEntity.status(HttpStatus.CREATED).body(decision);
  }

  @PostMapping("/{id}/decisions/{decisionId}/done")
  Meeting.Decision done(
      @PathVariable String id, @PathVariable String decisionId, PlatformUser user) {
    Meeting meeting = forOrganisers(id, user);
    Meeting.Decision decision =
        meeting.decisions.stream()
            .filter(d -> d.id().equals(decisionId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Decision", decisionId));
    if (!cases.visible(decision.issueId(), user)) {
      throw new AccessDeniedException("the decision's case is outside your region");
    }
    if (!"OPEN".equals(decision.status())) {
      throw new ConflictException("Decision " + decisionId + " is already done");
    }
    Meeting.Decision done = decision.done(user.username(), clock.instant());
    cases.done(decision.issueId(), decisionId, details(meeting, decision), user);
    meeting.decisions.replaceAll(d -> d.id().equals(decisionId) ? done : d);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().set("decisions", meeting.decisions).inc("version", 1),
        Meeting.class);
    return done;
  }

  private static Map<String, String> details(Meeting meeting, Meeting.Decision decision) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("meetingId", meeting.id);
    details.put("meetingTitle", meeting.title);
    details.put("decisionId", decision.id());
    details.put("decision", decision.decision());
    details.put("responsibleUnit", decision.responsibleUnit());
    details.put("dueAt", decision.dueAt().toString());
    return details;
  }

  /**
   * Seen by its attendees, and by users other than owners whose region contains the meeting's:
   * owners see by organisation, and a meeting may carry other organisations' cases.
   */
  private Meeting visible(String id, PlatformUser user) {
    Meeting meeting = mongo.findById(id, Meeting.class);
    if (meeting == null
        || !((!user.has(PlatformRole.OWNER) && jurisdiction.covers(user, meeting.regionCode))
            || meeting.attendees.contains(user.username()))) {
      throw new NotFoundException("Coordination meeting", id);
    }
    return meeting;
  }

  /** The organiser, or a coordinator of the meeting's region, records decisions. */
  private Meeting forOrganisers(String id, PlatformUser user) {
    Meeting meeting = visible(id, user);
    boolean organiser = meeting.organiser.equals(user.username());
    boolean regionCoordinator =
        user.has(PlatformRole.COORDINATOR) && meeting.regionCode.equals(user.region());
    if (!organiser && !regionCoordinator) {
      throw new AccessDeniedException("only the meeting's organisers record its decisions");
    }
    return meeting;
  }
}
