package cn.gov.jx.majorprojects.issues.issue;

import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads cases and writes what happened to them. A write is one update conditional on the version
 * that was read: the case's state, its new timeline entries and their outbox events together, so a
 * concurrent change makes it fail (409) instead of being lost. After each write a {@link
 * CaseRecorded} is published (the counters follow it).
 */
@Component
public class IssueStore {

  // appended, not replaced; or owned by the outbox relay, never by a change of the case
  private static final Set<String> NOT_SET =
      Set.of("_id", "version", "timeline", "outbox", "claimedUntil", "outboxAttempts");

  private static final int RETRIES = 5;

  private final IssueRepository repository;
  private final MongoTemplate mongo;
  private final ApplicationEventPublisher events;

  IssueStore(IssueRepository repository, MongoTemplate mongo, ApplicationEventPublisher events) {
    this.repository = repository;
    this.mongo = mongo;
    this.events = events;
  }

  /** After a case's write: the case and the entries it gained, in order. */
  public record CaseRecorded(Issue issue, List<Issue.Step> steps) {}

  public Optional<Issue> find(String id) {
    return repository.findById(id);
  }

  public Optional<Issue> findByIdempotencyKey(String key) {
    return repository.findByIdempotencyKey(key);
  }

  /** A new case; a duplicate unique key (a concurrent retry) fails with the driver's exception. */
  public Issue insert(Issue issue) {
    List<Issue.Step> steps = issue.takeUnwritten();
    issue.outbox.addAll(steps.stream().map(Issue.Step::event).toList());
    // insert, never save: a concurrent retry with the same key hits the unique index
    Issue stored = mongo.insert(issue);
    events.publishEvent(new CaseRecorded(stored, steps));
    return stored;
  }

  /** Writes what happened to the case since it was read; 409 when it changed meanwhile. */
  public Issue save(Issue issue) {
    List<Issue.Step> steps = issue.takeUnwritten();
    if (steps.isEmpty()) {
      return issue;
    }
    long readVersion = issue.version;
    Update update = stateOf(issue).inc("version", 1);
    Object[] entries = steps.stream().map(Issue.Step::entry).filter(Objects::nonNull).toArray();
    if (entries.length > 0) {
      update.push("timeline").each(entries);
    }
    update.push("outbox").each(steps.stream().map(Issue.Step::event).toArray());
    var result =
        mongo.updateFirst(
            Query.query(Criteria.where("_id").is(issue.id).and("version").is(readVersion)),
            update,
            Issue.class);
    if (result.getMatchedCount() == 0) {
      throw new ConflictException(
          "Issue "
              + issue.number
              + " was changed by someone else meanwhile (version "
              + readVersion
              + " is stale); reload it and try again");
    }
    issue.version = readVersion + 1;
    // after the case's own write: counters follow it, a crash in between loses a count, not a case
    events.publishEvent(new CaseRecorded(issue, steps));
    return issue;
  }

  /**
   * For changes that do not depend on what the caller saw (a message, a meeting's decision): read
   * again and retry on a concurrent change, a few times.
   */
  public Issue changeRetrying(String id, Function<Issue, Issue.Change> change) {
    for (int attempt = 1; ; attempt++) {
      Issue issue = find(id).orElseThrow(() -> new NotFoundException("Issue", id));
      change.apply(issue);
      try {
        return save(issue);
      } catch (ConflictException e) {
        if (attempt >= RETRIES) {
          throw e;
        }
      }
    }
  }

  /**
   * A post in the case's thread: first its timeline entry (retried like any change that does not
   * depend on what the caller saw), then the message keyed by its id, so a rerun cannot double it.
   */
  public IssueMessage post(
      String id,
      String messageId,
      String author,
      String body,
      Function<Issue, Issue.Change> entry) {
    Issue issue = changeRetrying(id, entry);
    return mongo.save(new IssueMessage(messageId, issue.id, author, body, issue.lastEntry().at()));
  }

  /** Every field of the case as mapped, {@code $unset} where it is null now. */
  private Update stateOf(Issue issue) {
    Document mapped = new Document();
    mongo.getConverter().write(issue, mapped);
    Update update = new Update();
    MongoPersistentEntity<?> entity =
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Issue.class);
    entity.doWithProperties(
        (PropertyHandler<MongoPersistentProperty>)
            property -> {
              String field = property.getFieldName();
              if (NOT_SET.contains(field)) {
                return;
              }
              if (mapped.get(field) == null) {
                update.unset(field);
              } else {
                update.set(field, mapped.get(field));
              }
            });
    return update;
  }
}
