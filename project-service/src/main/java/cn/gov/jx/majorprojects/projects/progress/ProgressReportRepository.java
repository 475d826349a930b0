package cn.gov.jx.majorprojects.projects.progress;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProgressReportRepository extends MongoRepository<ProgressReport, String> {

  List<ProgressReport> findByProjectIdOrderByPeriodDesc(String projectId);

  List<ProgressReport> findByProjectIdIn(Collection<String> projectIds);

  List<ProgressReport> findByPeriodAndProjectIdIn(String period, Collection<String> projectIds);
}
