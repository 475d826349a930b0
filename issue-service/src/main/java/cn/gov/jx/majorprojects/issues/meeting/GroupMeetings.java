package cn.gov.jx.majorprojects.issues.meeting;

import cn.gov.jx.majorprojects.issues.meeting.MeetingService.NewDecision;
import cn.gov.jx.majorprojects.issues.meeting.MeetingService.NewMeeting;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The meetings of a group of cases (cluster/): organised, decided and marked done through {@link
 * MeetingService}, with the same checks and writes as a meeting organised by hand.
 */
@Component
public class GroupMeetings {

  private final MeetingService meetings;

  GroupMeetings(MeetingService meetings) {
    this.meetings = meetings;
  }

  /** A new meeting: its id, and the meeting as {@code GET /api/coordination-meetings/{id}}. */
  public record Organised(String id, Object meeting) {}

  public Organised organise(
      String title,
      String regionCode,
      Instant scheduledAt,
      List<String> attendees,
      List<String> issueIds,
      PlatformUser user) {
    Meeting.View view =
        meetings.create(new NewMeeting(title, regionCode, scheduledAt, attendees, issueIds), user);
    return new Organised(view.id(), view);
  }

  /** A decision of the meeting on one case; answers its id. */
  public String decide(
      String meetingId,
      String issueId,
      String decision,
      String responsibleUnit,
      Instant dueAt,
      PlatformUser user) {
    return meetings
        .decide(meetingId, new NewDecision(issueId, decision, responsibleUnit, null, dueAt), user)
        .id();
  }

  /** Marks a decision done unless it is done already (then false, nothing written). */
  public boolean done(String meetingId, String decisionId, PlatformUser user) {
    boolean open =
        Meeting.OPEN.equals(
            meetings.get(meetingId, user).decisions().stream()
                .filter(d -> d.id().equals(decisionId))
                .findFirst()
                .map(Meeting.DecisionView::status)
                .orElse(null));
    if (open) {
      meetings.done(meetingId, decisionId, user);
    }
    return open;
  }
}
