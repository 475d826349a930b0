package cn.gov.jx.majorprojects.projects.plan;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AnnualPlanRepository extends MongoRepository<AnnualPlan, String> {}
