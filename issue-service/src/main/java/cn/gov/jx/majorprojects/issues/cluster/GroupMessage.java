package cn.gov.jx.majorprojects.issues.cluster;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One post in a group's own discussion. */
@Document("case_group_messages")
// a thread is read oldest first, page by page
@CompoundIndex(name = "group_created", def = "{'groupId': 1, 'createdAt': 1}")
record GroupMessage(@Id String id, String groupId, String author, String body, Instant createdAt) {}
