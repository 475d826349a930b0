package cn.gov.jx.majorprojects.issues.cluster;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case's place in a group, keyed by the case: a case is in one group at most, and two
 * coordinators confirming groups with the same case at once clash on this key.
 */
@Document("case_group_members")
record GroupMembership(@Id String issueId, String groupId, Instant since) {}
