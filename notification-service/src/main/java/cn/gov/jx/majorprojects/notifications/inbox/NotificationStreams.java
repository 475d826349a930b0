package cn.gov.jx.majorprojects.notifications.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Open SSE streams per user (this instance only); a new notification is pushed to each. */
@Component
class NotificationStreams {

  private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

  private final Map<String, List<SseEmitter>> byUser = new ConcurrentHashMap<>();

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

  void push(Notification notification) {
    List<SseEmitter> list = byUser.get(notification.recipient());
    if (list == null) {
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
