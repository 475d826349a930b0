package cn.gov.jx.majorprojects.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;

/**
 * OWASP API9 (inventory): the gateway routes exactly the path patterns its README documents, each
 * to the documented service, and nothing that matches {@code /internal/**} or {@code /actuator/**}.
 * A route added without documentation, or documented and gone, fails here.
 */
class RouteInventoryTests {

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> routes() throws Exception {
    try (InputStream in = RouteInventoryTests.class.getResourceAsStream("/application.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      Object node = root;
      for (String key : List.of("spring", "cloud", "gateway", "server", "webflux", "routes")) {
        node = ((Map<String, Object>) node).get(key);
      }
      return (List<Map<String, Object>>) node;
    }
  }

  /** {@code pattern → service} as configured: the Path predicates and the service of the URI. */
  static Set<String> configured() throws Exception {
    Set<String> routed = new TreeSet<>();
    for (Map<String, Object> route : routes()) {
      Matcher env =
          Pattern.compile("\\$\\{([A-Z]+)_SERVICE_URL").matcher((String) route.get("uri"));
      assertThat(env.find()).as("route %s goes to a service URL", route.get("id")).isTrue();
      String service = env.group(1).toLowerCase() + "-service";
      for (Object predicate : (List<?>) route.get("predicates")) {
        String text = predicate.toString();
        if (text.startsWith("Path=")) {
          for (String pattern : text.substring(5).split(",")) {
            routed.add(pattern.strip() + " → " + service);
          }
        }
      }
    }
    return routed;
  }

  /** {@code pattern → service} as the README's Routes table documents it. */
  static Set<String> documented() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(
            readme.indexOf("## Routes"), readme.indexOf("\n## ", readme.indexOf("## Routes") + 3));
    Set<String> documented = new TreeSet<>();
    for (String line : table.split("\n")) {
      String[] cells = line.split("\\|");
      if (cells.length < 3) {
        continue;
      }
      Matcher service = Pattern.compile("^\\s*(\\w+-service)\\b").matcher(cells[2]);
      boolean thatService = cells[2].strip().startsWith("that service");
      if (!service.find() && !thatService) {
        continue;
      }
      Matcher path = Pattern.compile("`(?:GET |POST )?(/[^`\\s]*)`").matcher(cells[1]);
      while (path.find()) {
        for (String pattern : expandBraces(path.group(1))) {
          String target =
              thatService ? pattern.substring(pattern.lastIndexOf('/') + 1) : service.group(1);
          documented.add(pattern + " → " + target);
        }
      }
    }
    return documented;
  }

  static List<String> expandBraces(String pattern) {
    Matcher brace = Pattern.compile("\\{([^}]*,[^}]*)}").matcher(pattern);
    if (!brace.find()) {
      return List.of(pattern);
    }
    List<String> expanded = new ArrayList<>();
    for (String choice : brace.group(1).split(",")) {
      expanded.add(pattern.substring(0, brace.start()) + choice + pattern.substring(brace.end()));
    }
    return expanded;
  }

  @Test
  void theGatewayRoutesExactlyTheDocumentedPrefixesToTheDocumentedServices() throws Exception {
    assertThat(configured()).isNotEmpty().isEqualTo(documented());
  }

  @Test
  void noRouteReachesInternalOrActuatorPaths() throws Exception {
    PathPatternParser parser = PathPatternParser.defaultInstance;
    for (String routed : configured()) {
      String pattern = routed.substring(0, routed.indexOf(" → "));
      for (String path :
          List.of(
              "/internal/events", "/internal/projects/x", "/actuator/health", "/actuator/env")) {
        assertThat(parser.parse(pattern).matches(PathContainer.parsePath(path)))
            .as("%s matches %s", pattern, path)
            .isFalse();
      }
    }
  }
}
