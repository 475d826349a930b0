package cn.gov.jx.majorprojects.issues.issue;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One post in a case's own discussion; its id is also in the MESSAGE_POSTED timeline entry. */
@Document("issue_messages")
// a thread is read oldest first, page by page
@CompoundIndex(name = "issue_created", def = "{'issueId': 1, 'createdAt': 1}")
public record IssueMessage(
    @Id String id, String issueId, String author, String body, Instant createdAt) {}
