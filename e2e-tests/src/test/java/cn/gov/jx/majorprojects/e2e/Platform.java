package cn.gov.jx.majorprojects.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as a client sees it: the gateway's URL and real Keycloak tokens for the demo users
 * (password grant of the local realm's {@code cli} client). Started once per build by ./platform.
 */
final class Platform {

  static final String GATEWAY = System.getProperty("e2e.gateway", "http://localhost:18080");
  static final String KEYCLOAK = System.getProperty("e2e.keycloak", "http://localhost:18180");
  static final JsonMapper JSON = JsonMapper.shared();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final Map<String, String> tokens = new ConcurrentHashMap<>();

  private Platform() {}

  /** After Keycloak restarts with new signing keys (outage tests), cached tokens are worthless. */
  static void forgetTokens() {
    tokens.clear();
  }

  /** Drops one user's cached token (it expired during a long test: a 401 from the gateway). */
  static void forgetToken(String username) {
    tokens.remove(username);
  }

  /** A fresh-enough access token for a demo user (password {@code demo}). */
  static String token(String username) {
    return tokens.computeIfAbsent(username, u -> passwordGrant(u, "demo"));
  }

  static String passwordGrant(String username, String password) {
    String form =
        "grant_type=password&client_id=cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(KEYCLOAK + "/realms/majorprojects/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login of " + username + " failed: " + response.body());
    }
    return json(response).get("access_token").asString();
  }

  static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(20)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    }
  }

  /**
   * Runs {@code ./platform <args>} against the test platform (the same home and ports the build
   * started it with) and fails the test unless it exits 0. Used by the outage tests.
   */
  static void platform(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("e2e.platform"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    for (String pair : System.getProperty("e2e.platform.env", "").split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    env.put("MONGODB_URI", "");
    env.put("REDIS_URL", "");
    builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new AssertionError("./platform " + String.join(" ", args) + " exited " + exit);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
