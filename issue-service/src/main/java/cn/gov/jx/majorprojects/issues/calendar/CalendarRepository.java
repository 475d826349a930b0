package cn.gov.jx.majorprojects.issues.calendar;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CalendarRepository extends MongoRepository<CalendarDocument, Integer> {}
