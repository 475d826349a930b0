package cn.gov.jx.majorprojects.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.notifications.event.EventType;
import cn.gov.jx.majorprojects.notifications.event.InboundEvent;
import cn.gov.jx.majorprojects.support.event.EventEnvelope.Subject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxComposeTests {

  final Inbox inbox =
      new Inbox(
          null,
          null,
          null,
          Clock.fixed(Instant.parse("2026-07-06T00:20:00Z"), ZoneId.of("Asia/Shanghai")),
          new SimpleMeterRegistry());

  @Test
  void aRegionsMissedDoubleHalfNamesTheRegionAndLinksToItsDashboard() {
    Notification n =
        inbox.compose(
            new InboundEvent(
                "e-dh",
                "project-service",
                EventType.DOUBLE_HALF_BEHIND,
                Instant.parse("2026-07-06T00:20:00Z"),
                1L,
                "system",
                Subject.region("360700:2026", "360700", "赣州市"),
                Map.of("year", 2026)),
            "manager.gz");
    assertThat(n.textZh()).isEqualTo("【360700】上半年投资未过半（双过半未达标）：赣州市");
    assertThat(n.subjectKind()).isEqualTo("REGION");
    assertThat(n.link()).isEqualTo("/dashboard?regionCode=360700");
    assertThat(n.projectId()).isNull();
  }

  @Test
  void aYellowProjectLinksToTheProject() {
    Notification n =
        inbox.compose(
            new InboundEvent(
                "e-y",
                "project-service",
                EventType.PROJECT_YELLOW,
                Instant.parse("2026-07-06T00:20:00Z"),
                1L,
                "system",
                Subject.project("p9", "JX-P-9", "赣州电厂", "360702", "org-gz-energy", "YELLOW"),
                Map.of()),
            "owner.zg");
    assertThat(n.textZh()).isEqualTo("【JX-P-9】项目亮黄灯：赣州电厂");
    assertThat(n.link()).isEqualTo("/projects/p9");
    assertThat(n.projectId()).isEqualTo("p9");
  }
}
