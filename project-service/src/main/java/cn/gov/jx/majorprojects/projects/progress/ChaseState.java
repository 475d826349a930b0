package cn.gov.jx.majorprojects.projects.progress;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The chase of one missing monthly report ({@code projectId:period}): how many reminders went out,
 * the working day the next one is due ({@code YYYY-MM-DD}), and how it ended. Written only by
 * conditional updates; the document also carries the reminders' {@code outbox} for the relay.
 */
@Document(ReportChase.COLLECTION)
@CompoundIndex(name = "due", def = "{'finished': 1, 'nextDue': 1}")
record ChaseState(
    @Id String id,
    String projectId,
    String period,
    int sent,
    String nextDue,
    String lastSentOn,
    boolean finished,
    String outcome,
    Instant openedAt,
    Instant finishedAt) {}
