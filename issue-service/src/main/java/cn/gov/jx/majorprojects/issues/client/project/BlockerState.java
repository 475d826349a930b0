package cn.gov.jx.majorprojects.issues.client.project;

import java.time.Instant;
import java.util.List;

/**
 * What project-service keeps of a blocker tied to milestones: {@code sequence} is the timeline
 * entry's (newer wins), {@code open} while neither resolved nor closed.
 */
public record BlockerState(
    String caseId,
    String number,
    long sequence,
    boolean open,
    List<String> milestoneIds,
    Instant dueAt) {}
