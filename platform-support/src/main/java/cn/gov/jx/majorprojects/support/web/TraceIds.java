package cn.gov.jx.majorprojects.support.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;

/** The current W3C trace id, put into every problem so a report can be found in the logs. */
public final class TraceIds {

  private final ObjectProvider<Tracer> tracer;

  public TraceIds(ObjectProvider<Tracer> tracer) {
    this.tracer = tracer;
  }

  public String current() {
    Tracer t = tracer.getIfAvailable();
    Span span = t == null ? null : t.currentSpan();
    String id = span == null ? null : span.context().traceId();
    return id == null || id.isBlank() ? null : id;
  }
}
