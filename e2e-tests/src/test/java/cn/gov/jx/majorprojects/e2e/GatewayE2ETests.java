package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The front door on the real stack: Keycloak tokens, routing, and what must never be reachable. */
class GatewayE2ETests {

  @Test
  void noTokenIs401ProblemJson() {
    HttpResponse<String> response = get("/api/regions", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(response).get("status").asInt()).isEqualTo(401);
  }

  @Test
  void tamperedTokenIs401() {
    String token = token("coord.nc");
    String[] parts = token.split("\\.");
    // same signature, payload changed to claim the province: the signature no longer matches
    String payload =
        new String(
                java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"360100\"", "\"360000\"");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(get("/api/regions", forged).statusCode()).isEqualTo(401);
    assertThat(get("/api/regions", token).statusCode()).isEqualTo(200);
  }

  @Test
  void regionTreeWithAnyDemoUsersTokenAndChineseNamesIntact() {
    for (String user : List.of("owner.hgt", "coord.zg", "manager.jx", "admin")) {
      HttpResponse<String> response = get("/api/regions", token(user));
      assertThat(response.statusCode()).as(user).isEqualTo(200);
      JsonNode root = json(response);
      assertThat(root.get("code").asString()).isEqualTo("360000");
      assertThat(root.get("name").asString()).isEqualTo("江西省");
      assertThat(root.get("level").asString()).isEqualTo("PROVINCE");
      assertThat(root.get("children")).hasSize(11);
    }
    JsonNode zhanggong = json(get("/api/regions/360702", token("owner.zg")));
    assertThat(zhanggong.get("name").asString()).isEqualTo("章贡区");
    assertThat(zhanggong.get("level").asString()).isEqualTo("COUNTY");
  }

  @Test
  void actuatorAndInternalPathsAre404ThroughTheGateway() {
    String admin = token("admin");
    for (String path :
        List.of("/actuator/health", "/actuator/prometheus", "/internal/projects/anything")) {
      HttpResponse<String> response = get(path, admin);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
    }
    // any other path without a dot is a console page: the console's index.html, never the actuator
    HttpResponse<String> elsewhere = get("/project-service/actuator/health", admin);
    assertThat(elsewhere.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(elsewhere.body()).doesNotContain("\"status\"");
    // a path that climbs out of /api is refused by the firewall before any routing
    assertThat(get("/api/../internal/projects/x", admin).statusCode()).isIn(400, 404);
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(404);
  }

  @Test
  void meDescribesTheCallerFromTheToken() {
    JsonNode me = json(get("/api/me", token("owner.hgt")));

    assertThat(me.get("username").asString()).isEqualTo("owner.hgt");
    assertThat(me.get("roles").get(0).asString()).isEqualTo("owner");
    assertThat(me.get("region").get("code").asString()).isEqualTo("360113");
    assertThat(me.get("region").get("name").asString()).isEqualTo("红谷滩区");
    assertThat(me.get("org").asString()).isEqualTo("org-nc-metro");
  }

  @Test
  void everyServiceIsRoutedAndChecksTheTokenItself() {
    // each service answers 401 on its own when the gateway lets an API path through without a token
    for (String path : List.of("/api/issues", "/api/notifications")) {
      HttpResponse<String> response = get(path, null);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
    }
  }
}
