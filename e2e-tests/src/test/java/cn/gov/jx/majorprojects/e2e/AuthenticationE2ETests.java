package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.JSON;
import static cn.gov.jx.majorprojects.e2e.Platform.KEYCLOAK;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.passwordGrant;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API2 (broken authentication) on the real stack: hand-forged and foreign tokens are refused
 * with a 401 problem both through the gateway and directly at each service's port.
 *
 * <p>To prove each claim check on its own, the test registers an extra RSA key of its own in the
 * realm (Keycloak admin API, low priority, so Keycloak keeps signing with its own): a token signed
 * with it and correct claims is accepted everywhere (the control), and the same token with one
 * claim wrong (expired, not yet valid, no audience, another issuer) is refused. The key is removed
 * afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationE2ETests {

  static final Map<String, String> PORTS =
      Arrays.stream(System.getProperty("e2e.ports", "project=18081").split(","))
          .map(p -> p.split("=", 2))
          .collect(Collectors.toMap(p -> p[0], p -> p[1]));

  /** One user endpoint of each service, through the gateway and directly at the service. */
  static final List<String> USER_ENDPOINTS = userEndpoints();

  static final String ISSUER = KEYCLOAK + "/realms/majorprojects";

  private final KeyPair ourKey = ForgedTokens.newRsaKey();
  private String ourKid;
  private String componentId;
  private String otherRealm;
  private Map<String, Object> ownerClaims;

  static List<String> userEndpoints() {
    List<String> urls = new ArrayList<>();
    Map<String, String> paths =
        Map.of(
            "project", "/api/projects?size=1",
            "issue", "/api/issues?size=1",
            "notification", "/api/notifications?size=1");
    paths.forEach(
        (service, path) -> {
          urls.add(GATEWAY + path);
          urls.add("http://localhost:" + PORTS.get(service) + path);
        });
    urls.add(GATEWAY + "/api/me"); // the gateway's own
    return urls;
  }

  @BeforeAll
  void registerOurKeyInTheRealm() {
    JsonNode realm = json(KeycloakAdmin.call("GET", "/majorprojects", null));
    Map<String, Object> component = new LinkedHashMap<>();
    component.put("name", "e2e-authentication-test-key");
    component.put("providerId", "rsa");
    component.put("providerType", "org.keycloak.keys.KeyProvider");
    component.put("parentId", realm.get("id").asString());
    component.put(
        "config",
        Map.of(
            "priority", List.of("-100"),
            "enabled", List.of("true"),
            "active", List.of("true"),
            "algorithm", List.of("RS256"),
            "privateKey",
                List.of(ForgedTokens.pem("PRIVATE KEY", ourKey.getPrivate().getEncoded()))));
    componentId =
        KeycloakAdmin.createdId(KeycloakAdmin.call("POST", "/majorprojects/components", component));
    ourKid = publishedKid(ourKey.getPublic());
    ownerClaims = ForgedTokens.claimsOf(passwordGrant("owner.hgt", "demo"));

    // the control: our key is the realm's now, and every component learns it (unknown key ids
    // make them fetch the key set again, rate-limited)
    String valid = ForgedTokens.rs256(fresh(ownerClaims), ourKid, ourKey.getPrivate());
    for (String url : USER_ENDPOINTS) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(3))
          .untilAsserted(() -> assertThat(call(url, valid).statusCode()).as(url).isEqualTo(200));
    }
  }

  @AfterAll
  void removeOurKeyAndTheOtherRealm() {
    if (componentId != null) {
      KeycloakAdmin.call("DELETE", "/majorprojects/components/" + componentId, null);
    }
    if (otherRealm != null) {
      KeycloakAdmin.call("DELETE", "/" + otherRealm, null);
    }
  }

  String publishedKid(PublicKey key) {
    JsonNode keys =
        json(
            send(
                HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/certs"))
                    .build()));
    for (JsonNode jwk : keys.get("keys")) {
      if (jwk.has("n") && ForgedTokens.rsaPublicKey(jwk).equals(key)) {
        return jwk.get("kid").asString();
      }
    }
    throw new AssertionError("our key is not in the realm's key set: " + keys);
  }

  static Map<String, Object> fresh(Map<String, Object> claims) {
    Map<String, Object> copy = new HashMap<>(claims);
    long now = Instant.now().getEpochSecond();
    copy.put("iat", now);
    copy.put("exp", now + 300);
    copy.put("jti", UUID.randomUUID().toString());
    return copy;
  }

  static HttpResponse<String> call(String url, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  /** Every user endpoint, through the gateway and directly, answers 401 problem+json. */
  static void refusedEverywhere(String token) {
    for (String url : USER_ENDPOINTS) {
      assertUnauthorized(call(url, token), url);
    }
  }

  static void assertUnauthorized(HttpResponse<String> response, String url) {
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(url)
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(response).get("status").asInt()).isEqualTo(401);
  }

  @Test
  void anUnsignedTokenWithAlgNoneIsRefused() {
    refusedEverywhere(ForgedTokens.unsigned(fresh(ownerClaims)));
  }

  @Test
  void anHs256TokenKeyedWithTheRealmsPublicKeyIsRefused() {
    String realmKid = ForgedTokens.headerKid(passwordGrant("owner.hgt", "demo"));
    JsonNode jwk = null;
    for (JsonNode k :
        json(send(
                HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/certs"))
                    .build()))
            .get("keys")) {
      if (realmKid.equals(k.get("kid").asString())) {
        jwk = k;
      }
    }
    assertThat(jwk).isNotNull();
    byte[] der = ForgedTokens.rsaPublicKey(jwk).getEncoded();
    // the classic confusion: the verifier's RSA public key used as the HMAC secret, as DER and PEM
    refusedEverywhere(ForgedTokens.hs256(fresh(ownerClaims), realmKid, der));
    refusedEverywhere(
        ForgedTokens.hs256(
            fresh(ownerClaims),
            realmKid,
            ForgedTokens.pem("PUBLIC KEY", der).getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aTokenSignedWithAKeyTheRealmDoesNotKnowIsRefused() {
    KeyPair stranger = ForgedTokens.newRsaKey();
    refusedEverywhere(ForgedTokens.rs256(fresh(ownerClaims), ourKid, stranger.getPrivate()));
    refusedEverywhere(ForgedTokens.rs256(fresh(ownerClaims), "no-such-kid", stranger.getPrivate()));
  }

  @Test
  void aRealmSignedTokenFromAnotherIssuerIsRefused() {
    Map<String, Object> claims = fresh(ownerClaims);
    claims.put("iss", KEYCLOAK + "/realms/another");
    refusedEverywhere(ForgedTokens.rs256(claims, ourKid, ourKey.getPrivate()));
  }

  @Test
  void aRealmSignedExpiredTokenIsRefused() {
    Map<String, Object> claims = fresh(ownerClaims);
    long now = Instant.now().getEpochSecond();
    claims.put("iat", now - 900);
    claims.put("exp", now - 300); // well past the 60 s clock skew the validators allow
    refusedEverywhere(ForgedTokens.rs256(claims, ourKid, ourKey.getPrivate()));
  }

  @Test
  void aRealmSignedTokenNotYetValidIsRefused() {
    Map<String, Object> claims = fresh(ownerClaims);
    claims.put("nbf", Instant.now().getEpochSecond() + 600);
    claims.put("exp", Instant.now().getEpochSecond() + 1200);
    refusedEverywhere(ForgedTokens.rs256(claims, ourKid, ourKey.getPrivate()));
  }

  @Test
  void aRealmSignedTokenWithoutTheApiAudienceIsRefused() {
    Map<String, Object> noAudience = fresh(ownerClaims);
    noAudience.remove("aud");
    refusedEverywhere(ForgedTokens.rs256(noAudience, ourKid, ourKey.getPrivate()));
    Map<String, Object> otherAudience = fresh(ownerClaims);
    otherAudience.put("aud", List.of("account"));
    refusedEverywhere(ForgedTokens.rs256(otherAudience, ourKid, ourKey.getPrivate()));
  }

  @Test
  void aRealTokenOfAnotherRealmOfTheSameKeycloakIsRefused() {
    // the demo realm itself under another name: same clients, users, mappers and audience
    ObjectNode realm =
        (ObjectNode)
            JSON.readTree(
                java.nio.file.Path.of(System.getProperty("e2e.platform"))
                    .resolveSibling("deploy/keycloak/majorprojects-realm.json")
                    .toFile());
    otherRealm = "e2e-other-" + UUID.randomUUID().toString().substring(0, 8);
    realm.put("realm", otherRealm);
    realm.remove("id");
    KeycloakAdmin.call("POST", "", realm);
    String form = "grant_type=password&client_id=cli&username=owner.hgt&password=demo";
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        KEYCLOAK + "/realms/" + otherRealm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = json(login).get("access_token").asString();
    assertThat(ForgedTokens.claimsOf(token).get("aud").toString()).contains("majorprojects-api");

    refusedEverywhere(token);
  }

  @Test
  void theServicesClientCredentialsTokenIsRefusedOnUserEndpoints() {
    String services = servicesToken();
    for (String url : USER_ENDPOINTS) {
      HttpResponse<String> response = call(url, services);
      assertThat(response.statusCode()).as(url + " " + response.body()).isIn(401, 403);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(url)
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
  }

  @Test
  void aUserTokenIsRefusedOnInternalEndpointsDirectlyAndTheGatewayDoesNotRouteThem() {
    String admin = passwordGrant("admin", "demo");
    String services = servicesToken();
    Map<String, String> internal =
        Map.of(
            "project", "/internal/projects?ids=x",
            "issue", "/internal/coordination-stats",
            "notification", "/internal/events");
    internal.forEach(
        (service, path) -> {
          String url = "http://localhost:" + PORTS.get(service) + path;
          String method = service.equals("notification") ? "POST" : "GET";
          HttpResponse<String> asUser = internalCall(method, url, admin);
          assertThat(asUser.statusCode()).as(url + " " + asUser.body()).isEqualTo(403);
          assertThat(asUser.headers().firstValue("Content-Type"))
              .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
          // the control: the same call with the services token gets past security
          assertThat(internalCall(method, url, services).statusCode()).as(url).isNotIn(401, 403);

          HttpResponse<String> viaGateway = internalCall(method, GATEWAY + path, services);
          assertThat(viaGateway.statusCode()).as(GATEWAY + path).isIn(401, 403, 404);
        });
  }

  static HttpResponse<String> internalCall(String method, String url, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
            .build());
  }

  static String servicesToken() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=services"
                            + "&client_secret=local-demo-services-secret"))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("access_token").asString();
  }
}
