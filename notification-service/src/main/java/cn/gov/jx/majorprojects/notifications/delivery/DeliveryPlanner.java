package cn.gov.jx.majorprojects.notifications.delivery;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.delivery.Delivery.Status;
import cn.gov.jx.majorprojects.notifications.event.InboundEvent;
import cn.gov.jx.majorprojects.notifications.inbox.Inbox;
import cn.gov.jx.majorprojects.notifications.inbox.Notification;
import cn.gov.jx.majorprojects.notifications.preference.PreferenceService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Records the outside deliveries of an event's notifications, once per recipient and channel. */
@Service
public class DeliveryPlanner {

  private final MongoTemplate mongo;
  private final PreferenceService preferences;
  private final Inbox inbox;
  private final Clock clock;
  private final Set<Channel> platformChannels;

  DeliveryPlanner(
      MongoTemplate mongo,
      PreferenceService preferences,
      Inbox inbox,
      Clock clock,
      NotificationProperties properties) {
    this.mongo = mongo;
    this.preferences = preferences;
    this.inbox = inbox;
    this.clock = clock;
    this.platformChannels = EnumSet.noneOf(Channel.class);
    if (properties.mail().enabled()) {
      platformChannels.add(Channel.EMAIL);
    }
    if (properties.sms().enabled()) {
      platformChannels.add(Channel.SMS);
    }
    if (properties.webhook().enabled()) {
      platformChannels.add(Channel.WEBHOOK);
    }
  }

  /** Idempotent: re-planning an event finds the unique key and adds nothing. */
  public void plan(InboundEvent event, Collection<String> recipients) {
    if (platformChannels.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (String recipient : recipients) {
      var planned =
          DeliveryRules.plan(
              event.type(), event.subject(), preferences.of(recipient), platformChannels, now);
      if (planned.isEmpty()) {
        continue;
      }
      Notification n = inbox.compose(event, recipient);
      String body = n.textZh() + "\n" + n.textEn() + "\n" + n.link();
      for (var p : planned) {
        record(
            new Delivery(
                null,
                event.eventId(),
                recipient,
                p.channel(),
                event.type().name(),
                event.subject().id(),
                p.address(),
                p.secret(),
                n.textZh(),
                body,
                Status.PENDING,
                0,
                p.notBefore(),
                null,
                null,
                now,
                null));
      }
    }
  }

  boolean record(Delivery delivery) {
    try {
      mongo.insert(delivery);
      return true;
    } catch (DuplicateKeyException planned) {
      // planned before (the event was applied again, or another replica made the digest)
      return false;
    }
  }

  Set<Channel> platformChannels() {
    return platformChannels;
  }
}
