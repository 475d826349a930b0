package cn.gov.jx.majorprojects.projects.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AnnualPlanRepository extends MongoRepository<AnnualPlan, String> {

  List<AnnualPlan> findByProjectId(String projectId);

  List<AnnualPlan> findByYearAndProjectIdIn(int year, Collection<String> projectIds);
}
