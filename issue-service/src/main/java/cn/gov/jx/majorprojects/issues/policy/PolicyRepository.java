package cn.gov.jx.majorprojects.issues.policy;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PolicyRepository extends MongoRepository<PolicyDocument, Integer> {

  Optional<PolicyDocument> findFirstByOrderByVersionDesc();
}
