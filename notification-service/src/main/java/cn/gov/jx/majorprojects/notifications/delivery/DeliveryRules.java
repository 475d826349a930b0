package cn.gov.jx.majorprojects.notifications.delivery;

import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which outside channels one notification goes to, and from when. A channel is used when the
 * platform has it on and the recipient turned it on with an address. A muted type goes nowhere
 * outside, except red and supervised ones (they cannot be muted). E-mail readers of the daily
 * digest get no single e-mails, except for those same must-read types. SMS waits for the end of the
 * recipient's quiet hours unless the case is urgent or red; e-mail and webhooks do not wait.
 */
final class DeliveryRules {

  record Planned(Channel channel, String address, String secret, Instant notBefore) {}

  private DeliveryRules() {}

  static List<Planned> plan(
      EventType type,
      Subject subject,
      NotificationPreferences preferences,
      Set<Channel> platformChannels,
      Instant now) {
    List<Planned> out = new ArrayList<>();
    if (!type.mandatory() && preferences.mutedTypes().contains(type)) {
      return out;
    }
    var channels = preferences.channels();
    if (platformChannels.contains(Channel.EMAIL)
        && channels.email().enabled()
        && present(channels.email().address())
        && (!preferences.dailyDigest() || type.mandatory())) {
      out.add(new Planned(Channel.EMAIL, channels.email().address(), null, now));
    }
    if (platformChannels.contains(Channel.SMS)
        && channels.sms().enabled()
        && present(channels.sms().phone())) {
      Instant notBefore =
          urgentOrRed(type, subject) ? now : preferences.quietHours().endOfQuiet(now);
      out.add(new Planned(Channel.SMS, channels.sms().phone(), null, notBefore));
    }
    if (platformChannels.contains(Channel.WEBHOOK)
        && channels.webhook().enabled()
        && present(channels.webhook().url())) {
      out.add(
          new Planned(Channel.WEBHOOK, channels.webhook().url(), channels.webhook().secret(), now));
    }
    return out;
  }

  static boolean urgentOrRed(EventType type, Subject subject) {
    return type.red() || "URGENT".equals(subject.urgency()) || "RED".equals(subject.warning());
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
