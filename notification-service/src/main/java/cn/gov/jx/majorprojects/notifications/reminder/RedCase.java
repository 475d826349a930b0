package cn.gov.jx.majorprojects.notifications.reminder;

import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issue that turned red, with its latest known state (who holds it) and how often it has been
 * recalled to its holders; dates are local dates (yyyy-MM-dd) in the reminder zone.
 */
@Document("red_cases")
@CompoundIndex(name = "due", def = "{'open': 1, 'remindersSent': 1, 'lastRemindedOn': 1}")
record RedCase(
    @Id String issueId,
    Subject subject,
    boolean open,
    int remindersSent,
    String redOn,
    String lastRemindedOn,
    Instant updatedAt) {}
