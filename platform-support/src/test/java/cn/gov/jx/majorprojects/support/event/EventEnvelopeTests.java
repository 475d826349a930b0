package cn.gov.jx.majorprojects.support.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire JSON of contract 3: each subject carries the fields of its kind, no others. */
class EventEnvelopeTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode json(EventEnvelope event) {
    return JSON.readTree(JSON.writeValueAsString(event));
  }

  @Test
  void anIssueEventHasTheIssuesFieldsOnly() {
    EventEnvelope event =
        new EventEnvelope(
            "e1",
            "issue-service",
            "ESCALATED",
            Instant.parse("2026-11-26T02:00:00.123Z"),
            3L,
            "coord.hgt",
            Subject.issue(
                "i1",
                "JX-2026-000001",
                "征地",
                "p1",
                "地铁",
                "360113",
                "NORMAL",
                "GREEN",
                false,
                "OPEN",
                "CITY",
                "360100",
                "owner.hgt",
                "org-nc-metro",
                List.of("360113", "360100")),
            Map.of("reason", "需市级"));
    JsonNode node = json(event);
    assertThat(node.propertyNames())
        .containsExactly(
            "eventId", "source", "type", "occurredAt", "sequence", "actor", "subject", "details");
    assertThat(node.get("occurredAt").asString()).isEqualTo("2026-11-26T02:00:00.123Z");
    assertThat(node.get("sequence").asLong()).isEqualTo(3);
    assertThat(node.get("subject").propertyNames())
        .containsExactly(
            "kind",
            "id",
            "number",
            "title",
            "projectId",
            "projectName",
            "projectRegion",
            "urgency",
            "warning",
            "supervised",
            "status",
            "level",
            "handlingRegion",
            "reporter",
            "reporterOrg",
            "regionsPassed");
    assertThat(node.get("subject").get("supervised").asBoolean()).isFalse();
  }

  @Test
  void aProjectEventHasTheProjectsFieldsOnly() {
    EventEnvelope event =
        new EventEnvelope(
            "e2",
            "project-service",
            "PROJECT_RED",
            Instant.parse("2026-11-26T02:00:00Z"),
            17_644_224_000_000L,
            "system",
            Subject.project(
                "p1", "2026-360113-48-01-000301", "象湖隧道", "360113", "org-nc-metro", "RED"),
            Map.of("reasons", List.of("START_SLIPPED")));
    JsonNode subject = json(event).get("subject");
    assertThat(subject.propertyNames())
        .containsExactlyInAnyOrder(
            "kind", "id", "code", "name", "projectRegion", "ownerOrg", "warning");
    assertThat(json(event).get("sequence").asLong()).isEqualTo(17_644_224_000_000L);
  }
}
