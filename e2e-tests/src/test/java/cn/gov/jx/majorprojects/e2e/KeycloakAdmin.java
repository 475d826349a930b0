package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.JSON;
import static cn.gov.jx.majorprojects.e2e.Platform.KEYCLOAK;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Keycloak's admin REST API with the bootstrap admin ./platform creates (admin / admin). */
final class KeycloakAdmin {

  private KeycloakAdmin() {}

  static String token() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak admin login failed: " + response.body());
    }
    return json(response).get("access_token").asString();
  }

  static HttpResponse<String> call(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms" + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** The id at the end of a 201's Location header. */
  static String createdId(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
