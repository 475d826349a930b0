package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A special-topic coordination meeting (专题协调) bundling several cases, with its decisions. Its
 * changes are methods here; {@link MeetingService} writes them conditional on the version read.
 */
@Document("coordination_meetings")
@CompoundIndex(name = "region_scheduled", def = "{'regionCode': 1, 'scheduledAt': -1}")
class Meeting {

  @Id String id;
  String title;
  String regionCode;
  Instant scheduledAt;
  List<String> attendees = new ArrayList<>();
  List<String> issueIds = new ArrayList<>();
  String organiser;
  Instant createdAt;
  List<Decision> decisions = new ArrayList<>();
  @Version Long version;

  static Meeting organise(
      String title,
      String regionCode,
      Instant scheduledAt,
      List<String> attendees,
      List<String> issueIds,
      String organiser,
      Instant now) {
    Meeting meeting = new Meeting();
    meeting.title = title;
    meeting.regionCode = regionCode;
    meeting.scheduledAt = scheduledAt;
    meeting.attendees = attendees == null ? new ArrayList<>() : List.copyOf(attendees);
    meeting.issueIds = issueIds.stream().distinct().toList();
    meeting.organiser = organiser;
    meeting.createdAt = now;
    return meeting;
  }

  boolean onAgenda(String issueId) {
    return issueIds.contains(issueId);
  }

  static BadRequestException notOnAgenda() {
    return BadRequestException.field("issueId", "is not one of this meeting's issues you can see");
  }

  /** A new OPEN decision on one of the meeting's cases. */
  Decision decide(
      String decisionId,
      String issueId,
      String text,
      String responsibleUnit,
      Instant dueAt,
      String by,
      Instant now) {
    if (!onAgenda(issueId)) {
      throw notOnAgenda();
    }
    Decision decision =
        new Decision(decisionId, issueId, text, responsibleUnit, dueAt, OPEN, by, now, null, null);
    decisions.add(decision);
    return decision;
  }

  Decision decision(String decisionId) {
    return decisions.stream()
        .filter(d -> d.id().equals(decisionId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Decision", decisionId));
  }

  /** Marks an OPEN decision done; 409 when it is done already. */
  Decision markDone(String decisionId, String by, Instant now) {
    Decision decision = decision(decisionId);
    if (!OPEN.equals(decision.status())) {
      throw new ConflictException("Decision " + decisionId + " is already done");
    }
    Decision done = decision.done(by, now);
    decisions.replaceAll(d -> d.id().equals(decisionId) ? done : d);
    return done;
  }

  static final String OPEN = "OPEN";

  record Decision(
      String id,
      String issueId,
      String decision,
      String responsibleUnit,
      Instant dueAt,
      String status,
      String recordedBy,
      Instant recordedAt,
      String doneBy,
      Instant doneAt) {

    Decision done(String by, Instant at) {
      return new Decision(
          id, issueId, decision, responsibleUnit, dueAt, "DONE", recordedBy, recordedAt, by, at);
    }
  }

  /** The meeting as the API answers it. */
  record View(
      String id,
      String title,
      String regionCode,
      Instant scheduledAt,
      List<String> attendees,
      List<String> issueIds,
      String organiser,
      Instant createdAt,
      List<Decision> decisions,
      Long version) {}

  View view() {
    return new View(
        id,
        title,
        regionCode,
        scheduledAt,
        List.copyOf(attendees),
        List.copyOf(issueIds),
        organiser,
        createdAt,
        List.copyOf(decisions),
        version);
  }
}
