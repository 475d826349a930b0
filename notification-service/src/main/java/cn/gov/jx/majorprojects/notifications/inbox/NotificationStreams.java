package cn.gov.jx.majorprojects.notifications.inbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open SSE streams per user (this instance only); a new notification is pushed to each, once: the
 * instance that wrote it pushes it at once, {@link StreamFeed} finds it again (and those other
 * replicas wrote), and an id pushed lately is not pushed again.
 */
@Component
class NotificationStreams {

  private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

  private final Map<String, List<SseEmitter>> byUser = new ConcurrentHashMap<>();
  // notification id -> when it was pushed here; forgotten once no feed look can find it again
  private final Map<String, Instant> pushed = new ConcurrentHashMap<>();

  SseEmitter open(String username) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    List<SseEmitter> list = byUser.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    Runnable remove = () -> list.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      // an initial event so proxies and clients see the stream is open
      emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
    } catch (IOException e) {
      remove.run();
    }
    return emitter;
  }

  /** The users with a stream open here. */
  Set<String> users() {
    return byUser.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Forgets which ids were pushed before {@code instant}. */
  void forgetPushedBefore(Instant instant) {
    pushed.values().removeIf(at -> at.isBefore(instant));
  }

  void push(Notification notification) {
    List<SseEmitter> list = byUser.get(notification.recipient());
    if (list == null
        || list.isEmpty()
        || pushed.putIfAbsent(notification.id(), Instant.now()) != null) {
      return;
    }
    for (SseEmitter emitter : list) {
      try {
        emitter.send(
            SseEmitter.event()
                .id(notification.id())
                .name("notification")
                .data(NotificationView.of(notification), MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException e) {
        list.remove(emitter);
      }
    }
  }

  /** Streams open on this instance now (the {@code notifications_sse_connections} gauge). */
  int openCount() {
    return byUser.values().stream().mapToInt(List::size).sum();
  }
}
