package cn.gov.jx.majorprojects.notifications.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Brings notifications written by any replica to the streams open on this one: every {@code
 * notifications.streams.poll-interval} it reads the notifications created since its last look
 * (index {@code created}), of the users with a stream open here only, at most {@value #BATCH} a
 * look, and pushes them; {@link NotificationStreams} skips those already pushed. Works on any
 * MongoDB (mongo-java-server has no change streams). Each look reaches {@link #OVERLAP} back: a
 * notification's {@code createdAt} is taken just before its insert, and replicas' clocks differ a
 * little. Nothing is read while no stream is open here. Its own thread, so a slow delivery on the
 * shared scheduler never holds a stream back.
 */
@Component
class StreamFeed implements SmartLifecycle {

  static final Duration OVERLAP = Duration.ofSeconds(2);
  static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(StreamFeed.class);

  private final MongoTemplate mongo;
  private final NotificationStreams streams;
  private final Clock clock;
  private final Duration interval;
  private ScheduledExecutorService executor;
  private Instant since;

  StreamFeed(
      MongoTemplate mongo,
      NotificationStreams streams,
      Clock clock,
      @Value("${notifications.streams.poll-interval:300ms}") Duration interval) {
    this.mongo = mongo;
    this.streams = streams;
    this.clock = clock;
    this.interval = interval;
  }

  /** One look; answers how many notifications it found (pushed or already pushed). */
  synchronized int look() {
    Instant now = clock.instant();
    Set<String> users = streams.users();
    Instant from = since == null ? now.minus(OVERLAP) : since.minus(OVERLAP);
    since = now;
    streams.forgetPushedBefore(now.minus(OVERLAP.multipliedBy(3)));
    if (users.isEmpty()) {
      return 0;
    }
    List<Notification> found =
        mongo.find(
            Query.query(Criteria.where("createdAt").gt(from).and("recipient").in(users))
                .with(Sort.by("createdAt"))
                .limit(BATCH),
            Notification.class);
    found.forEach(streams::push);
    if (found.size() == BATCH) {
      since = found.get(BATCH - 1).createdAt().plus(OVERLAP); // the rest next time
    }
    return found.size();
  }

  private void lookSafely() {
    try {
      look();
    } catch (RuntimeException e) {
      log.warn("stream feed: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "stream-feed");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::lookSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
