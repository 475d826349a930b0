package cn.gov.jx.majorprojects.notifications.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code notifications_sse_connections}: live streams open on this instance, read from the stream
 * registry's own lists (memory, no database) at each scrape.
 */
@Component
class OpenStreamsMetric implements MeterBinder {

  private final NotificationStreams streams;

  OpenStreamsMetric(NotificationStreams streams) {
    this.streams = streams;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("notifications.sse.connections", streams, NotificationStreams::openCount)
        .description("live notification streams (SSE) open on this instance")
        .register(registry);
  }
}
