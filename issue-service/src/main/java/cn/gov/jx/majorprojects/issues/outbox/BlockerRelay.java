package cn.gov.jx.majorprojects.issues.outbox;

import cn.gov.jx.majorprojects.issues.client.project.BlockerState;
import cn.gov.jx.majorprojects.issues.client.project.Projects;
import cn.gov.jx.majorprojects.issues.issue.Events;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.support.event.EventEnvelope;
import cn.gov.jx.majorprojects.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.List;

/**
 * The relay's second target: an event of a case tied to milestones (its details carry {@code
 * milestoneIds}) is first told to project-service as the case's state after it (its timeline
 * sequence orders the states there, so a redelivery changes nothing); then every event goes to
 * notification-service as before, {@code MILESTONES_CHANGED} included (the owner organisation and
 * the holders hear that a blocker now holds up, or no longer holds up, a milestone of the plan:
 * docs/decisions.md). A failure of either is a failed delivery, retried as a whole.
 */
class BlockerRelay implements OutboxRelay.Sender {

  private final Projects projects;
  private final OutboxRelay.Sender notifications;

  BlockerRelay(Projects projects, OutboxRelay.Sender notifications) {
    this.projects = projects;
    this.notifications = notifications;
  }

  @Override
  public void send(EventEnvelope event) {
    if (event.details().get(Events.MILESTONE_IDS) instanceof List<?> ids
        && event.subject().projectId() != null) {
      String status = event.subject().status();
      boolean open =
          IssueStatus.OPEN.name().equals(status) || IssueStatus.IN_PROGRESS.name().equals(status);
      Object dueAt = event.details().get("dueAt");
      projects.tellBlocker(
          event.subject().projectId(),
          new BlockerState(
              event.subject().id(),
              event.subject().number(),
              event.sequence(),
              open,
              ids.stream().map(String::valueOf).toList(),
              dueAt == null ? null : Instant.parse(dueAt.toString())));
    }
    notifications.send(event);
  }
}
