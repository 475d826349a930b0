package cn.gov.jx.majorprojects.issues.intake;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Human numbers {@code JX-<year>-<6 digits>}: one atomic counter per year, never reused. */
@Component
class IssueNumbers {

  @Document("counters")
  record Counter(@Id String id, long seq) {}

  private final MongoTemplate mongo;

  IssueNumbers(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  String next(int year) {
    Counter counter =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is("issue-" + year)),
            new Update().inc("seq", 1),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Counter.class);
    return "JX-%d-%06d".formatted(year, counter.seq());
  }
}
