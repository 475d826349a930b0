package cn.gov.jx.majorprojects.projects.plan;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What project-service knows of one issue-service case that names milestones: the last state told
 * ({@code sequence}: the case's timeline sequence, so an older or repeated delivery changes
 * nothing). {@code open}: not resolved or closed.
 */
@Document("milestone_blockers")
record Blocker(
    @Id String caseId,
    @Indexed String projectId,
    String number,
    long sequence,
    boolean open,
    List<String> milestoneIds,
    Instant dueAt) {}
