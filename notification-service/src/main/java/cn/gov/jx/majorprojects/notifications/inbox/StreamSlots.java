package cn.gov.jx.majorprojects.notifications.inbox;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * At most {@code notifications.streams.max-per-user} open SSE streams per user on this instance;
 * one more is a 429. A stream's slot is freed when it completes, times out or fails, and a
 * heartbeat comment finds the streams whose client went away without closing (the server notices a
 * vanished client only when it writes).
 *
 * <p>When the service stops, the open streams are ended first (this lifecycle stops before the web
 * server's graceful shutdown), and a stream asked for after that is a 503: an open stream is a
 * request that never finishes, so the graceful shutdown used to wait its whole 30 s for them. The
 * browser's {@code EventSource} reconnects by itself, through the gateway to a running instance.
 */
@Component
class StreamSlots implements SmartLifecycle {

  private final int maxPerUser;
  private final Map<String, Integer> openByUser = new ConcurrentHashMap<>();
  private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  StreamSlots(@Value("${notifications.streams.max-per-user:5}") int maxPerUser) {
    this.maxPerUser = maxPerUser;
  }

  /** Opens a stream for the user if a slot is free, else 429; the slot lives as long as it. */
  SseEmitter hold(String username, Supplier<SseEmitter> open) {
    if (!running) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "This instance is stopping; connect again");
    }
    openByUser.merge(username, 1, this::plusOneWithinLimit);
    Slot slot = new Slot(username);
    try {
      slot.emitter = open.get();
    } catch (RuntimeException e) {
      slot.release();
      throw e;
    }
    slots.add(slot);
    slot.emitter.onCompletion(slot::release);
    slot.emitter.onTimeout(slot::release);
    slot.emitter.onError(e -> slot.release());
    return slot.emitter;
  }

  int open(String username) {
    return openByUser.getOrDefault(username, 0);
  }

  @Scheduled(
      fixedDelayString = "${notifications.streams.heartbeat:20s}",
      initialDelayString = "${notifications.streams.heartbeat:20s}")
  void heartbeat() {
    for (Slot slot : slots) {
      try {
        slot.emitter.send(SseEmitter.event().comment("keep-alive"));
      } catch (IOException | IllegalStateException e) {
        slot.release();
        slot.emitter.completeWithError(e);
      }
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every open stream, so that none holds the graceful shutdown. */
  @Override
  public void stop() {
    running = false;
    for (Slot slot : slots) {
      slot.release();
      try {
        slot.emitter.complete();
      } catch (IllegalStateException e) {
        // already completed
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private Integer plusOneWithinLimit(Integer open, Integer one) {
    if (open >= maxPerUser) {
      throw new ResponseStatusException(
          HttpStatus.TOO_MANY_REQUESTS,
          "At most " + maxPerUser + " live notification streams per user; close one first");
    }
    return open + one;
  }

  private final class Slot {
    private final String username;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile SseEmitter emitter;

    Slot(String username) {
      this.username = username;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        slots.remove(this);
        openByUser.computeIfPresent(username, (u, n) -> n <= 1 ? null : n - 1);
      }
    }
  }
}
