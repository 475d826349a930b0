package cn.gov.jx.majorprojects.notifications.inbox;

import cn.gov.jx.majorprojects.notifications.event.InboundEvent;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.SubjectKind;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Paging;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The in-app inbox: writes one notification per recipient of an event, reads a user's own. */
@Service
public class Inbox {

  private final NotificationRepository notifications;
  private final MongoTemplate mongo;
  private final NotificationStreams streams;
  private final Clock clock;
  private final MeterRegistry meters;

  Inbox(
      NotificationRepository notifications,
      MongoTemplate mongo,
      NotificationStreams streams,
      Clock clock,
      MeterRegistry meters) {
    this.notifications = notifications;
    this.mongo = mongo;
    this.streams = streams;
    this.clock = clock;
    this.meters = meters;
  }

  /** Idempotent: a recipient already notified of this event is skipped (unique index). */
  public int deliver(InboundEvent event, Collection<String> recipients) {
    int created = 0;
    for (String recipient : recipients) {
      Notification n = compose(event, recipient);
      try {
        Notification saved = notifications.insert(n);
        created++;
        Counter.builder("notifications.inbox")
            .tag("type", event.type().name())
            .register(meters)
            .increment();
        streams.push(saved);
      } catch (DuplicateKeyException alreadyThere) {
        // a re-applied event: this recipient has it already
      }
    }
    return created;
  }

  public Notification compose(InboundEvent event, String recipient) {
    Subject s = event.subject();
    boolean issue = s.kind() == SubjectKind.ISSUE;
    boolean region = s.kind() == SubjectKind.REGION;
    String ref =
        issue ? (s.number() == null ? s.id() : s.number()) : (s.code() == null ? s.id() : s.code());
    String title = issue ? s.title() : s.name();
    String suffix = title == null || title.isBlank() ? "" : "：" + title;
    String suffixEn = title == null || title.isBlank() ? "" : ": " + title;
    return new Notification(
        null,
        event.eventId(),
        recipient,
        event.type().name(),
        "【" + ref + "】" + event.type().zh() + suffix,
        "[" + ref + "] " + event.type().en() + suffixEn,
        s.kind().name(),
        s.id(),
        ref,
        issue ? s.projectId() : region ? null : s.id(),
        region
            ? "/dashboard?regionCode=" + s.projectRegion()
            : (issue ? "/issues/" : "/projects/") + s.id(),
        false,
        event.occurredAt(),
        clock.instant());
  }

  Page<Notification> page(String user, boolean unreadOnly, int page, int size) {
    PageRequest request = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
    return unreadOnly
        ? notifications.findByRecipientAndRead(user, false, request)
        : notifications.findByRecipient(user, request);
  }

  long unreadCount(String user) {
    return notifications.countByRecipientAndRead(user, false);
  }

  void markRead(String user, String id) {
    // someone else's id answers exactly like an unknown one
    var result =
        mongo.updateFirst(
            Query.query(Criteria.where("_id").is(id).and("recipient").is(user)),
            Update.update("read", true),
            Notification.class);
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("notification", id);
    }
  }

  long markAllRead(String user) {
    return mongo
        .updateMulti(
            Query.query(Criteria.where("recipient").is(user).and("read").is(false)),
            Update.update("read", true),
            Notification.class)
        .getModifiedCount();
  }
}
