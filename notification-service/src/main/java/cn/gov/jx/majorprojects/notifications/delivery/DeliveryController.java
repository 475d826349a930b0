package cn.gov.jx.majorprojects.notifications.delivery;

import cn.gov.jx.majorprojects.notifications.delivery.Delivery.Status;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.PageView;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outside deliveries, for admins only. */
@RestController
@RequestMapping("/api/notifications/deliveries")
@PreAuthorize("hasRole('admin')")
class DeliveryController {

  private final DeliveryAdmin admin;

  DeliveryController(DeliveryAdmin admin) {
    this.admin = admin;
  }

  // status is parsed here, past the role check: a non-admin gets 403 whatever the parameters say
  @GetMapping
  PageView list(
      @RequestParam(required = false) @Parameter(schema = @Schema(implementation = Status.class))
          String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return PageView.of(admin.page(statusOf(status), page, size), DeliveryView::of);
  }

  private static Status statusOf(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return Status.valueOf(status.strip());
    } catch (IllegalArgumentException e) {
      throw BadRequestException.field(
          "status", "must be one of " + Arrays.toString(Status.values()));
    }
  }

  @PostMapping("/{id}/retry")
  DeliveryView retry(@PathVariable String id) {
    return DeliveryView.of(admin.retry(id));
  }

  /** A delivery without the robot's secret. */
  record DeliveryView(
      String id,
      String eventId,
      String recipient,
      Channel channel,
      String type,
      String subjectId,
      String address,
      String subject,
      Status status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt,
      Instant sentAt) {
    static DeliveryView of(Delivery d) {
      return new DeliveryView(
          d.id(),
          d.eventId(),
          d.recipient(),
          d.channel(),
          d.type(),
          d.subjectId(),
          d.address(),
          d.subject(),
          d.status(),
          d.attempts(),
          d.nextAttemptAt(),
          d.lastError(),
          d.createdAt(),
          d.sentAt());
    }
  }
}
