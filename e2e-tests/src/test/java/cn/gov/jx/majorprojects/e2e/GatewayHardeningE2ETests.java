package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.KEYCLOAK;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.passwordGrant;
import static cn.gov.jx.majorprojects.e2e.Platform.platform;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Limits, browser login and a Keycloak outage on the real stack, through the gateway. */
class GatewayHardeningE2ETests {

  @Test
  void aBurstOverTheUsersRateLimitGets429ProblemWithRetryAfter() {
    String token = token("manager.nc");
    // bursts of 80 against a bucket of 40 refilled at 20/s; on a loaded machine one burst can
    // trickle in slowly enough to be refilled, so a few more bursts are allowed before failing
    List<HttpResponse<String>> limited = List.of();
    for (int burst = 0; burst < 5 && limited.isEmpty(); burst++) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        calls.add(
            Platform.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(GATEWAY + "/api/me"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      }
      limited =
          calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429).toList();
    }

    assertThat(limited).isNotEmpty();
    HttpResponse<String> first = limited.get(0);
    assertThat(first.headers().firstValue("Retry-After")).isPresent();
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(first).get("traceId").asString()).isNotBlank();
  }

  @Test
  void aJsonBodyOverOneMegabyteIs413Problem() {
    byte[] body = new byte[1024 * 1024 + 10];
    java.util.Arrays.fill(body, (byte) ' ');
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(GATEWAY + "/api/projects"))
                .header("Authorization", "Bearer " + token("owner.hgt"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("status").asInt()).isEqualTo(413);
  }

  @Test
  void aBrowserLoginStartsAtKeycloakWithPkce() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(GATEWAY + "/oauth2/authorization/keycloak")).build());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(
            location ->
                assertThat(location)
                    .startsWith(KEYCLOAK + "/realms/majorprojects/protocol/openid-connect/auth?")
                    .contains("client_id=console")
                    .contains("code_challenge_method=S256")
                    .containsPattern("code_challenge=[A-Za-z0-9_-]{43}"));
  }

  @Test
  void withKeycloakStoppedAValidTokenStillWorksANewLoginIsAClear503AndLoginsWorkWhenItIsBack()
      throws Exception {
    String token = passwordGrant("coord.nc", "demo");
    assertThat(get("/api/regions", token).statusCode()).isEqualTo(200);
    try {
      platform("stop", "keycloak");

      assertThat(get("/api/regions", token).statusCode()).isEqualTo(200);
      assertThat(get("/api/me", token).statusCode()).isEqualTo(200);

      // a browser that comes back from the login page while Keycloak is gone
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> start =
          browser.send(
              HttpRequest.newBuilder(URI.create(GATEWAY + "/oauth2/authorization/keycloak"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher state =
          Pattern.compile("[?&]state=([^&]+)")
              .matcher(start.headers().firstValue("Location").orElseThrow());
      assertThat(state.find()).isTrue();
      long t0 = System.nanoTime();
      HttpResponse<String> callback =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          GATEWAY
                              + "/login/oauth2/code/keycloak?code=some-code&state="
                              + state.group(1)))
                  .header("Accept", "text/html")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(callback.statusCode()).isEqualTo(503);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    } finally {
      platform("up");
      Platform.forgetTokens();
    }

    // Keycloak is back (with new signing keys: its dev-mem realm is created anew): a browser
    // login works again, through the same gateway, in one go
    FormLogin browser = new FormLogin();
    assertThat(browser.login("/overview", "manager.jx")).contains("\"username\":\"manager.jx\"");
    assertThat(browser.callback).isLessThan(Duration.ofSeconds(30));
  }
}
