package cn.gov.jx.majorprojects.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.notifications.delivery.DeliveryRules.Planned;
import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Channels;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Mail;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.QuietHours;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Sms;
import cn.gov.jx.majorprojects.notifications.preference.NotificationPreferences.Webhook;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.SubjectKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryRulesTests {

  static final Instant NOON = Instant.parse("2026-11-26T04:00:00Z"); // 12:00 in Shanghai
  static final Instant NIGHT = Instant.parse("2026-11-26T15:30:00Z"); // 23:30 in Shanghai
  static final Set<Channel> ALL = EnumSet.allOf(Channel.class);

  static Subject issue(String urgency, String warning) {
    return new Subject(
        SubjectKind.ISSUE,
        "i1",
        "JX-1",
        "t",
        "p1",
        "p",
        "360113",
        urgency,
        warning,
        false,
        "OPEN",
        "CITY",
        "360100",
        "owner.hgt",
        "org",
        List.of(),
        null,
        null,
        null);
  }

  static NotificationPreferences prefs(boolean digest, Set<EventType> muted) {
    return new NotificationPreferences(
        "coord.nc",
        new Channels(
            new Mail(true, "a@example.cn"),
            new Sms(true, "13800138000"),
            new Webhook(true, "https://oapi.dingtalk.com/robot/send?access_token=x", "s")),
        muted,
        new QuietHours("22:00", "07:00", "Asia/Shanghai"),
        digest,
        null);
  }

  static List<Channel> channels(List<Planned> planned) {
    return planned.stream().map(Planned::channel).toList();
  }

  @Test
  void everyChosenChannelAtOnceByDay() {
    var planned =
        DeliveryRules.plan(
            EventType.ESCALATED, issue("NORMAL", "GREEN"), prefs(false, Set.of()), ALL, NOON);
    assertThat(channels(planned)).containsExactly(Channel.EMAIL, Channel.SMS, Channel.WEBHOOK);
    assertThat(planned).allMatch(p -> p.notBefore().equals(NOON));
  }

  @Test
  void atNightOnlyTheSmsWaitsUntilSevenUnlessUrgentOrRed() {
    var normal =
        DeliveryRules.plan(
            EventType.ESCALATED, issue("NORMAL", "GREEN"), prefs(false, Set.of()), ALL, NIGHT);
    Instant seven = Instant.parse("2026-11-26T23:00:00Z");
    assertThat(normal)
        .filteredOn(p -> p.channel() == Channel.SMS)
        .singleElement()
        .extracting(Planned::notBefore)
        .isEqualTo(seven);
    assertThat(normal)
        .filteredOn(p -> p.channel() != Channel.SMS)
        .allMatch(p -> p.notBefore().equals(NIGHT));
    assertThat(
            DeliveryRules.plan(
                EventType.ESCALATED, issue("URGENT", "GREEN"), prefs(false, Set.of()), ALL, NIGHT))
        .allMatch(p -> p.notBefore().equals(NIGHT));
    assertThat(
            DeliveryRules.plan(
                EventType.MESSAGE_POSTED,
                issue("NORMAL", "RED"),
                prefs(false, Set.of()),
                ALL,
                NIGHT))
        .allMatch(p -> p.notBefore().equals(NIGHT));
  }

  @Test
  void mutedTypesGoNowhereButRedAndSupervisedCannotBeMuted() {
    var muted = prefs(false, Set.of(EventType.MESSAGE_POSTED, EventType.SUPERVISED));
    assertThat(
            DeliveryRules.plan(
                EventType.MESSAGE_POSTED, issue("URGENT", "GREEN"), muted, ALL, NOON))
        .isEmpty();
    assertThat(DeliveryRules.plan(EventType.SUPERVISED, issue("NORMAL", "GREEN"), muted, ALL, NOON))
        .hasSize(3);
  }

  @Test
  void digestReadersGetNoSingleEmailsExceptMustReadOnes() {
    var digest = prefs(true, Set.of());
    assertThat(
            channels(
                DeliveryRules.plan(
                    EventType.ESCALATED, issue("NORMAL", "GREEN"), digest, ALL, NOON)))
        .containsExactly(Channel.SMS, Channel.WEBHOOK);
    assertThat(
            channels(
                DeliveryRules.plan(
                    EventType.TURNED_RED, issue("NORMAL", "RED"), digest, ALL, NOON)))
        .contains(Channel.EMAIL);
  }

  @Test
  void aChannelThePlatformHasOffIsNeverUsed() {
    assertThat(
            channels(
                DeliveryRules.plan(
                    EventType.TURNED_RED,
                    issue("URGENT", "RED"),
                    prefs(false, Set.of()),
                    EnumSet.of(Channel.WEBHOOK),
                    NOON)))
        .containsExactly(Channel.WEBHOOK);
  }
}
