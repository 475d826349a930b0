package cn.gov.jx.majorprojects.notifications.preference;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.net.InetAddress;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Reads and checks a user's preferences; rules bean validation cannot express live here. */
@Service
public class PreferenceService {

  private final PreferenceRepository repository;
  private final WebhookAddressPolicy webhooks;
  private final Clock clock;

  PreferenceService(
      PreferenceRepository repository, NotificationProperties properties, Clock clock) {
    this.repository = repository;
    this.webhooks =
        new WebhookAddressPolicy(
            properties.webhook().allowedHosts().stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet()),
            InetAddress::getAllByName);
    this.clock = clock;
  }

  public NotificationPreferences of(String username) {
    return repository
        .findById(username)
        .orElseGet(() -> NotificationPreferences.defaults(username));
  }

  /** Everyone who asked for a daily digest by e-mail. */
  public List<NotificationPreferences> digestReaders() {
    return repository.findByDailyDigestTrueAndChannelsEmailEnabledTrue();
  }

  NotificationPreferences save(String username, NotificationPreferences wanted) {
    List<FieldProblem> errors = new ArrayList<>();
    var channels = wanted.channels();
    if (channels.email().enabled() && blank(channels.email().address())) {
      errors.add(new FieldProblem("channels.email.address", "is required when e-mail is on"));
    }
    if (channels.sms().enabled() && blank(channels.sms().phone())) {
      errors.add(new FieldProblem("channels.sms.phone", "is required when SMS is on"));
    }
    if (!blank(channels.webhook().url())) {
      webhooks
          .problem(channels.webhook().url())
          .ifPresent(p -> errors.add(new FieldProblem("channels.webhook.url", p)));
    } else if (channels.webhook().enabled()) {
      errors.add(new FieldProblem("channels.webhook.url", "is required when the webhook is on"));
    }
    if (wanted.mutedTypes().stream().anyMatch(EventType::mandatory)) {
      errors.add(new FieldProblem("mutedTypes", "red and supervised cases cannot be muted"));
    }
    try {
      ZoneId.of(wanted.quietHours().zone());
    } catch (DateTimeException e) {
      errors.add(new FieldProblem("quietHours.zone", "is not a known time zone"));
    }
    if (!errors.isEmpty()) {
      throw new BadRequestException("invalid notification preferences", errors);
    }
    return repository.save(
        new NotificationPreferences(
            username,
            channels,
            new HashSet<>(wanted.mutedTypes()),
            wanted.quietHours(),
            wanted.dailyDigest(),
            clock.instant()));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
