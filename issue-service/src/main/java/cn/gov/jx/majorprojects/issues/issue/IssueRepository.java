package cn.gov.jx.majorprojects.issues.issue;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface IssueRepository extends MongoRepository<Issue, String> {

  Optional<Issue> findByIdempotencyKey(String idempotencyKey);
}
