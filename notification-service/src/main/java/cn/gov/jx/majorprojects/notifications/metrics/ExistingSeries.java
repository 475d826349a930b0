package cn.gov.jx.majorprojects.notifications.metrics;

import cn.gov.jx.majorprojects.notifications.delivery.Channel;
import cn.gov.jx.majorprojects.notifications.event.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters the delivery worker and the inbox register on first use ({@code
 * notifications_deliveries_total{channel,outcome}}, {@code
 * notifications_delivery_latency_seconds{channel}}, {@code notifications_inbox_total{type}}),
 * registered at 0 for every tag value at start-up: {@code increase()} cannot see the first
 * increment of a series that appears with value 1, and the dashboards and the DeadDeliveries rule
 * find every series from the first scrape. Same names and tags as their owners use, so they share
 * these meters.
 */
class ExistingSeries implements MeterBinder {

  static final String[] OUTCOMES = {"sent", "failed", "dead"};

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Channel channel : Channel.values()) {
      for (String outcome : OUTCOMES) {
        Counter.builder("notifications.deliveries")
            .tag("channel", channel.name())
            .tag("outcome", outcome)
            .register(registry);
      }
      Timer.builder("notifications.delivery.latency")
          .description("from the notification to the provider's acceptance")
          .tag("channel", channel.name())
          .register(registry);
    }
    for (EventType type : EventType.values()) {
      Counter.builder("notifications.inbox").tag("type", type.name()).register(registry);
    }
  }
}
