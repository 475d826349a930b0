package cn.gov.jx.majorprojects.notifications.preference;

import cn.gov.jx.majorprojects.notifications.event.EventType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One user's channel choices; the in-app inbox is always on. */
@Document("preferences")
public record NotificationPreferences(
    @Id String username,
    @NotNull @Valid Channels channels,
    @NotNull Set<EventType> mutedTypes,
    @NotNull @Valid QuietHours quietHours,
    boolean dailyDigest,
    Instant updatedAt) {

  static NotificationPreferences defaults(String username) {
    return new NotificationPreferences(
        username,
        new Channels(new Mail(false, null), new Sms(false, null), new Webhook(false, null, null)),
        Set.of(),
        QuietHours.DEFAULT,
        false,
        null);
  }

  public record Channels(
      @NotNull @Valid Mail email, @NotNull @Valid Sms sms, @NotNull @Valid Webhook webhook) {}

  public record Mail(boolean enabled, @Email @Size(max = 254) String address) {}

  // mainland mobile numbers, optionally with +86
  public record Sms(
      boolean enabled,
      @Pattern(regexp = "^(\\+86)?1[3-9]\\d{9}$", message = "must be a mainland mobile number")
          String phone) {}

  /**
   * A DingTalk/WeCom-style robot; the secret signs each post (HMAC-SHA256), when the robot has one.
   */
  public record Webhook(
      boolean enabled, @Size(max = 500) String url, @Size(max = 200) String secret) {}

  public record QuietHours(
      @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$") String start,
      @NotNull @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$") String end,
      @NotNull @Size(max = 64) String zone) {
    static final QuietHours DEFAULT = new QuietHours("22:00", "07:00", "Asia/Shanghai");

    /** When the quiet period that {@code at} falls in ends, or {@code at} itself when not quiet. */
    public Instant endOfQuiet(Instant at) {
      ZoneId z = ZoneId.of(zone);
      LocalTime from = LocalTime.parse(start);
      LocalTime to = LocalTime.parse(end);
      ZonedDateTime local = at.atZone(z);
      LocalTime t = local.toLocalTime();
      if (from.equals(to)) {
        return at;
      }
      boolean overnight = from.isAfter(to);
      boolean quiet =
          overnight ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
      if (!quiet) {
        return at;
      }
      LocalDate endDay =
          overnight && !t.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
      return ZonedDateTime.of(endDay, to, z).toInstant();
    }

    /** The most recent end of quiet hours at or before {@code at}. */
    public Instant lastEndBefore(Instant at) {
      ZoneId z = ZoneId.of(zone);
      ZonedDateTime local = at.atZone(z);
      ZonedDateTime end = ZonedDateTime.of(local.toLocalDate(), LocalTime.parse(this.end), z);
      return end.isAfter(local) ? end.minusDays(1).toInstant() : end.toInstant();
    }
  }
}
