package cn.gov.jx.majorprojects.issues.calendar;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An administrator's calendar of one year; dates as ISO strings so no time zone can shift them. */
@Document("calendars")
record CalendarDocument(
    @Id Integer year,
    List<String> holidays,
    List<String> workingDays,
    String source,
    Instant updatedAt,
    String updatedBy) {}
