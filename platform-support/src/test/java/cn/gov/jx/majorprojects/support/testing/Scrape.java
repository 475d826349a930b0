package cn.gov.jx.majorprojects.support.testing;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /actuator/prometheus} (on its management port, or from its
 * registry), asked for as Prometheus asks (OpenMetrics), read into series: for tests that check a
 * metric exists and moves.
 */
public final class Scrape {

  /** What Prometheus asks for (and Debian's 2.42 reads only without exemplars). */
  public static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern SERIES =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s.*)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  /** One line: metric name, labels, value. */
  public record Series(String name, Map<String, String> labels, double value) {}

  private final List<Series> series;

  private Scrape(List<Series> series) {
    this.series = series;
  }

  /** Scrapes {@code http://localhost:<managementPort>/actuator/prometheus}. */
  public static Scrape of(int managementPort) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
            .header("Accept", OPEN_METRICS)
            .timeout(Duration.ofSeconds(20))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("scrape answered " + response.statusCode());
      }
      return parse(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("scrape of port " + managementPort + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * What {@code /actuator/prometheus} answers Prometheus, from the registry behind it (for tests in
   * a mock web environment, which has no management port).
   */
  public static Scrape of(PrometheusMeterRegistry registry) {
    return parse(registry.scrape(OPEN_METRICS));
  }

  static Scrape parse(String text) {
    List<Series> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = SERIES.matcher(line.strip());
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      out.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new Scrape(out);
  }

  /** Every metric name with at least one series. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    series.forEach(s -> names.add(s.name()));
    return names;
  }

  /**
   * The sum over the series of {@code name} whose labels include {@code labels} (pairs {@code
   * "key=value"}); fails when there is none.
   */
  public double value(String name, String... labels) {
    double sum = 0;
    boolean found = false;
    for (Series s : series) {
      if (s.name().equals(name) && matches(s.labels(), labels)) {
        sum += s.value();
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError("no series " + name + " " + List.of(labels) + " in the scrape");
    }
    return sum;
  }

  private static boolean matches(Map<String, String> have, String... wanted) {
    for (String pair : wanted) {
      int eq = pair.indexOf('=');
      if (!pair.substring(eq + 1).equals(have.get(pair.substring(0, eq)))) {
        return false;
      }
    }
    return true;
  }
}
