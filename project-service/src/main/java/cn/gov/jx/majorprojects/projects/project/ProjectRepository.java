package cn.gov.jx.majorprojects.projects.project;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProjectRepository extends MongoRepository<Project, String> {

  boolean existsByCode(String code);

  List<Project> findByOwnerOrgOrderByCode(String ownerOrg);
}
