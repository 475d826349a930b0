package cn.gov.jx.majorprojects.notifications.preference;

import cn.gov.jx.majorprojects.notifications.event.EventType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One user's channel choices; the in-app inbox is always on. */
@Document("preferences")
record NotificationPreferences(
    @Id String username,
    @NotNull @Valid Channels channels,
    @NotNull Set<EventType> mutedTypes,
    @NotNull @Valid QuietHours quietHours,
    boolean dailyDigest,
    Instant updatedAt) {

  static NotificationPreferences defaults(String username) {
    return new NotificationPreferences(
        username,
        new Channels(new Mail(false, null), new Sms(false, null), new Webhook(false, null)),
        Set.of(),
        QuietHours.DEFAULT,
        false,
        null);
  }

  record Channels(
      @NotNull @Valid Mail email, @NotNull @Valid Sms sms, @NotNull @Valid Webhook webhook) {}

  record Mail(boolean enabled, @Email @Size(max = 254) String address) {}

  // mainland mobile numbers, optionally with +86
  record Sms(
      boolean enabled,
      @Pattern(regexp = "^(\\+86)?1[3-9]\\d{9}$", message = "must be a mainland mobile number")
          String phone) {}

  record Webhook(boolean enabled, @Size(max = 500) String url) {}

  record QuietHours(
      @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$") String start,
      @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$") String end,
      @NotNull @Size(max = 64) String zone) {
    static final QuietHours DEFAULT = new QuietHours("22:00", "07:00", "Asia/Shanghai");
  }
}
