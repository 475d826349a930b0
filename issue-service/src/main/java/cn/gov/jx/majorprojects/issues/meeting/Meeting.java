package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
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
// the list filtered by status in a region subtree, newest first
@CompoundIndex(
    name = "region_status_scheduled",
    def = "{'regionCode': 1, 'status': 1, 'scheduledAt': -1}")
// what an attendee sees
@CompoundIndex(name = "attendees_scheduled", def = "{'attendees': 1, 'scheduledAt': -1}")
// the sweep: open decisions past their due date not yet reported overdue
@CompoundIndex(name = "decisions_open_due", def = "{'decisions.status': 1, 'decisions.dueAt': 1}")
public class Meeting {

  static final String OPEN = Decided.OPEN;
  static final String DONE = Decided.DONE;

  @Id String id;
  String title;
  String regionCode;
  Instant scheduledAt;
  List<String> attendees = new ArrayList<>();
  List<String> issueIds = new ArrayList<>();
  String organiser;
  Instant createdAt;
  List<Decision> decisions = new ArrayList<>();
  // OPEN until it has decisions and every one is done (kept on each write, for the list's filter)
  String status = OPEN;
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
      String responsibleRegion,
      Instant dueAt,
      String by,
      Instant now) {
    if (!onAgenda(issueId)) {
      throw notOnAgenda();
    }
    Decision decision =
        new Decision(
            decisionId,
            issueId,
            text,
            responsibleUnit,
            responsibleRegion,
            dueAt,
            OPEN,
            by,
            now,
            null,
            null,
            null);
    decisions.add(decision);
    status = OPEN;
    return decision;
  }

  Decision decision(String decisionId) {
    return Decided.find(decisions, "Decision", decisionId);
  }

  /** Marks an OPEN decision done; 409 when it is done already. */
  Decision markDone(String decisionId, String by, Instant now) {
    Decision done = Decided.markDone(decisions, "Decision", decisionId, by, now);
    status = status();
    return done;
  }

  /** Notes that an open decision's lateness was reported; 409 when done or reported already. */
  Decision markReportedOverdue(String decisionId, Instant now) {
    Decision decision = decision(decisionId);
    if (!OPEN.equals(decision.status()) || decision.overdueReportedAt() != null) {
      throw new ConflictException("Decision " + decisionId + " needs no overdue report");
    }
    return Decided.replace(decisions, decision.reportedOverdue(now));
  }

  /**
   * A decision of the meeting. {@code responsibleRegion} is the region whose coordinators answer
   * for it (notified when it is overdue, counted on its accountability row); {@code
   * responsibleUnit} names the department in words.
   */
  record Decision(
      String id,
      String issueId,
      String decision,
      String responsibleUnit,
      String responsibleRegion,
      Instant dueAt,
      String status,
      String recordedBy,
      Instant recordedAt,
      String doneBy,
      Instant doneAt,
      Instant overdueReportedAt)
      implements Decided<Decision> {

    @Override
    public Decision done(String by, Instant at) {
      return new Decision(
          id,
          issueId,
          decision,
          responsibleUnit,
          responsibleRegion,
          dueAt,
          DONE,
          recordedBy,
          recordedAt,
          by,
          at,
          overdueReportedAt);
    }

    Decision reportedOverdue(Instant at) {
      return new Decision(
          id,
          issueId,
          decision,
          responsibleUnit,
          responsibleRegion,
          dueAt,
          status,
          recordedBy,
          recordedAt,
          doneBy,
          doneAt,
          at);
    }

    /** Not done and past its due date: shown red. */
    boolean overdueAt(Instant now) {
      return OPEN.equals(status) && now.isAfter(dueAt);
    }

    DecisionView view(Instant now) {
      return new DecisionView(
          id,
          issueId,
          decision,
          responsibleUnit,
          responsibleRegion,
          dueAt,
          status,
          overdueAt(now),
          recordedBy,
          recordedAt,
          doneBy,
          doneAt);
    }
  }

  /** A decision as the API answers it: {@code overdue} is derived from the time of the answer. */
  public record DecisionView(
      String id,
      String issueId,
      String decision,
      String responsibleUnit,
      String responsibleRegion,
      Instant dueAt,
      String status,
      boolean overdue,
      String recordedBy,
      Instant recordedAt,
      String doneBy,
      Instant doneAt) {}

  /** Decisions not done (overdue ones included), done, and overdue among the open ones. */
  record DecisionCounts(long open, long done, long overdue) {}

  /** One line of the meetings' list. */
  record Summary(
      String id,
      String title,
      Instant scheduledAt,
      String regionCode,
      String organiser,
      String status,
      int caseCount,
      DecisionCounts decisionCounts) {}

  Summary summary(Instant now) {
    long done = decisions.stream().filter(d -> DONE.equals(d.status())).count();
    long overdue = decisions.stream().filter(d -> d.overdueAt(now)).count();
    return new Summary(
        id,
        title,
        scheduledAt,
        regionCode,
        organiser,
        status(),
        issueIds.size(),
        new DecisionCounts(decisions.size() - done, done, overdue));
  }

  /** OPEN while a decision is not done or none was taken yet, DONE once every one is done. */
  String status() {
    return !decisions.isEmpty() && decisions.stream().allMatch(d -> DONE.equals(d.status()))
        ? DONE
        : OPEN;
  }

  /** The meeting as the API answers it. */
  public record View(
      String id,
      String title,
      String regionCode,
      Instant scheduledAt,
      List<String> attendees,
      List<String> issueIds,
      String organiser,
      Instant createdAt,
      String status,
      List<DecisionView> decisions,
      Long version) {}

  View view(Instant now) {
    return new View(
        id,
        title,
        regionCode,
        scheduledAt,
        List.copyOf(attendees),
        List.copyOf(issueIds),
        organiser,
        createdAt,
        status(),
        decisions.stream().map(d -> d.view(now)).toList(),
        version);
  }
}
