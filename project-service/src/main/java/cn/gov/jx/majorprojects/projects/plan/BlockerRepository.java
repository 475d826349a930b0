package cn.gov.jx.majorprojects.projects.plan;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BlockerRepository extends MongoRepository<Blocker, String> {

  List<Blocker> findByProjectIdAndOpenTrue(String projectId);
}
