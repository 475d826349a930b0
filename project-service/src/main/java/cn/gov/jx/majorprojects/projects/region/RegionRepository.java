package cn.gov.jx.majorprojects.projects.region;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RegionRepository extends MongoRepository<RegionDocument, String> {}
