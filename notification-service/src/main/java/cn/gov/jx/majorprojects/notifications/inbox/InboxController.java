package cn.gov.jx.majorprojects.notifications.inbox;

import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.PageView;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's own in-app inbox. */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

  private final Inbox inbox;
  private final NotificationStreams streams;
  private final StreamSlots slots;

  InboxController(Inbox inbox, NotificationStreams streams, StreamSlots slots) {
    this.inbox = inbox;
    this.streams = streams;
    this.slots = slots;
  }

  @GetMapping
  PageView list(
      PlatformUser user,
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return PageView.of(inbox.page(user.username(), unread, page, size), NotificationView::of);
  }

  @GetMapping("/unread-count")
  Map<String, Long> unreadCount(PlatformUser user) {
    return Map.of("count", inbox.unreadCount(user.username()));
  }

  @PostMapping("/{id}/read")
  ResponseEntity<Void> read(PlatformUser user, @PathVariable String id) {
    inbox.markRead(user.username(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read-all")
  Map<String, Long> readAll(PlatformUser user) {
    return Map.of("marked", inbox.markAllRead(user.username()));
  }

  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(PlatformUser user) {
    return slots.hold(user.username(), () -> streams.open(user.username()));
  }
}
