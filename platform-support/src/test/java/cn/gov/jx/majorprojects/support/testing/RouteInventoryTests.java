package cn.gov.jx.majorprojects.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison itself, on a made-up document and route table. */
class RouteInventoryTests {

  static final List<RouteInventory.Route> ROUTES =
      List.of(
          new RouteInventory.Route("a-stream", "a-service", List.of("/api/things/stream")),
          new RouteInventory.Route(
              "a-service", "a-service", List.of("/api/things/**", "/api/old/**")),
          new RouteInventory.Route("b-service", "b-service", List.of("/api/others/**")));

  static String document(String... paths) {
    StringBuilder json = new StringBuilder("{\"paths\":{");
    for (int i = 0; i < paths.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(paths[i]).append("\":{}");
    }
    return json.append("}}").toString();
  }

  @Test
  void aCompleteMatchHasNoGaps() {
    assertThat(
            RouteInventory.gaps(
                "a-service",
                document("/api/things/{id}", "/api/things/stream", "/api/old", "/internal/x"),
                ROUTES))
        .isEmpty();
  }

  @Test
  void anUnroutedPathAPathRoutedElsewhereAndAnUndocumentedPrefixAreEachAGap() {
    assertThat(
            RouteInventory.gaps(
                "a-service",
                document(
                    "/api/things/{id}", "/api/things/stream", "/api/new/{id}", "/api/others/{id}"),
                ROUTES))
        .containsExactlyInAnyOrder(
            "/api/new/{id}: documented, but no gateway route matches it",
            "/api/others/{id}: documented here, but the gateway routes it to b-service",
            "/api/old/**: routed to a-service (a-service), no path documented");
  }
}
