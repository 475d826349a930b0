package cn.gov.jx.majorprojects.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A gauge with two enum labels, one series for every pair registered at 0 up front (so every series
 * is in the first scrape), set by a periodic count.
 */
public final class GaugeGrid<A extends Enum<A>, B extends Enum<B>> {

  private final Map<A, Map<B, AtomicLong>> values;

  public GaugeGrid(
      MeterRegistry registry,
      String name,
      String description,
      String rowTag,
      Class<A> rows,
      String columnTag,
      Class<B> columns) {
    values = new EnumMap<>(rows);
    for (A row : rows.getEnumConstants()) {
      Map<B, AtomicLong> byColumn = new EnumMap<>(columns);
      for (B column : columns.getEnumConstants()) {
        AtomicLong value = new AtomicLong();
        byColumn.put(column, value);
        Gauge.builder(name, value, AtomicLong::get)
            .description(description)
            .tag(rowTag, row.name())
            .tag(columnTag, column.name())
            .register(registry);
      }
      values.put(row, byColumn);
    }
  }

  /** Sets every series to what {@code count} answers for its pair. */
  public void setAll(BiFunction<A, B, Long> count) {
    values.forEach(
        (row, byColumn) ->
            byColumn.forEach((column, value) -> value.set(count.apply(row, column))));
  }
}
