package cn.gov.jx.majorprojects.notifications.delivery;

import cn.gov.jx.majorprojects.notifications.delivery.Delivery.Status;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Paging;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** What admins see of deliveries, and sending a failed or dead one again. */
@Service
class DeliveryAdmin {

  private final MongoTemplate mongo;
  private final Clock clock;

  DeliveryAdmin(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  Page<Delivery> page(Status status, int page, int size) {
    Query q = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
    long total = mongo.count(q, Delivery.class);
    var request = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
    List<Delivery> content = mongo.find(q.with(request), Delivery.class);
    return new PageImpl<>(content, request, total);
  }

  /** DEAD or FAILED → PENDING with a fresh set of tries, due now; anything else is a conflict. */
  Delivery retry(String id) {
    Delivery again =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(id).and("status").in(Status.DEAD, Status.FAILED)),
            new Update()
                .set("status", Status.PENDING)
                .set("attempts", 0)
                .set("nextAttemptAt", clock.instant())
                .unset("claimedBy"),
            org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
            Delivery.class);
    if (again != null) {
      return again;
    }
    Delivery current = mongo.findById(id, Delivery.class);
    if (current == null) {
      throw new NotFoundException("delivery", id);
    }
    throw new ConflictException(
        "only a FAILED or DEAD delivery can be retried; this one is " + current.status());
  }
}
