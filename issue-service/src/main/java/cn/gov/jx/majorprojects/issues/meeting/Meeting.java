package cn.gov.jx.majorprojects.issues.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A special-topic coordination meeting (专题协调) bundling several cases, with its decisions. */
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
