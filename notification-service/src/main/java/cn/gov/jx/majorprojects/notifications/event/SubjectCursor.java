package cn.gov.jx.majorprojects.notifications.event;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The highest sequence applied for one subject (issue or project). */
@Document("subject_cursors")
record SubjectCursor(@Id String subjectKey, long applied) {}
