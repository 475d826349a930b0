package cn.gov.jx.majorprojects.support.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OWASP API9 (inventory), from the service's side: its OpenAPI document against the gateway's route
 * table as configured ({@code gateway/src/main/resources/application.yml} of this repository).
 * Every documented {@code /api} path is routed — by the first route whose {@code Path} matches, as
 * the gateway picks — to this service; and every {@code /api} pattern the gateway routes to this
 * service matches at least one documented path. An undocumented route, or a path the gateway sends
 * elsewhere or nowhere, fails the service's build.
 */
public final class RouteInventory {

  private static final Path GATEWAY_ROUTES = Path.of("gateway/src/main/resources/application.yml");

  /** One route: the service its URI names and its {@code Path} patterns, in the table's order. */
  record Route(String id, String service, List<String> patterns) {

    boolean matches(String path) {
      PathContainer container = PathContainer.parsePath(path);
      return patterns.stream().anyMatch(p -> parse(p).matches(container));
    }
  }

  private RouteInventory() {}

  /** Fails with every gap between the service's own {@code /v3/api-docs} and the routes. */
  public static void assertRouted(org.springframework.test.web.servlet.MockMvc mvc, String service)
      throws Exception {
    List<String> gaps = gaps(service, RoleTestInventory.apiDocs(mvc), gatewayRoutes());
    if (!gaps.isEmpty()) {
      throw new AssertionError(
          "the gateway's routes and "
              + service
              + "'s OpenAPI document differ:\n"
              + String.join("\n", gaps));
    }
  }

  static List<String> gaps(String service, String openApiJson, List<Route> routes) {
    JsonNode doc = JsonMapper.shared().readTree(openApiJson);
    List<String> documented = new ArrayList<>();
    doc.get("paths").propertyNames().forEach(documented::add);
    List<String> gaps = new ArrayList<>();
    for (String path : documented) {
      if (!path.startsWith("/api/")) {
        continue;
      }
      String concrete = path.replaceAll("\\{[^}]*}", "x");
      Route first = routes.stream().filter(r -> r.matches(concrete)).findFirst().orElse(null);
      if (first == null) {
        gaps.add(path + ": documented, but no gateway route matches it");
      } else if (!first.service().equals(service)) {
        gaps.add(path + ": documented here, but the gateway routes it to " + first.service());
      }
    }
    for (Route route : routes) {
      if (!route.service().equals(service)) {
        continue;
      }
      for (String pattern : route.patterns()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        PathPattern parsed = parse(pattern);
        boolean used =
            documented.stream()
                .map(p -> PathContainer.parsePath(p.replaceAll("\\{[^}]*}", "x")))
                .anyMatch(parsed::matches);
        if (!used) {
          gaps.add(
              pattern + ": routed to " + service + " (" + route.id() + "), no path documented");
        }
      }
    }
    return gaps;
  }

  /** The gateway's routes, read from the repository (the service module's parent directory). */
  @SuppressWarnings("unchecked")
  static List<Route> gatewayRoutes() throws IOException {
    Path file = Path.of("").toAbsolutePath().getParent().resolve(GATEWAY_ROUTES);
    Object node;
    try (Reader in = Files.newBufferedReader(file)) {
      node = new Yaml().load(in);
    }
    for (String key : List.of("spring", "cloud", "gateway", "server", "webflux", "routes")) {
      node = ((Map<String, Object>) node).get(key);
    }
    List<Route> routes = new ArrayList<>();
    for (Map<String, Object> route : (List<Map<String, Object>>) node) {
      Matcher env =
          Pattern.compile("\\$\\{([A-Z]+)_SERVICE_URL").matcher((String) route.get("uri"));
      String service = env.find() ? env.group(1).toLowerCase() + "-service" : "(not a service)";
      List<String> patterns = new ArrayList<>();
      for (Object predicate : (List<?>) route.get("predicates")) {
        String text = predicate.toString();
        if (text.startsWith("Path=")) {
          for (String pattern : text.substring(5).split(",")) {
            patterns.add(pattern.strip());
          }
        }
      }
      routes.add(new Route((String) route.get("id"), service, patterns));
    }
    return routes;
  }

  private static PathPattern parse(String pattern) {
    return PathPatternParser.defaultInstance.parse(pattern);
  }
}
