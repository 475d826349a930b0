package cn.gov.jx.majorprojects.projects;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Keycloak's token endpoint for the service's outbound Feign clients (client credentials), answered
 * by the WireMock that also plays the remote service; point {@code
 * spring.security.oauth2.client.provider.keycloak.token-uri} at {@code <server>/token}.
 */
public final class KeycloakTokenStub {

  public static final String TOKEN = "svc-token";

  private KeycloakTokenStub() {}

  public static void stubTokenEndpoint(WireMockServer server) {
    server.stubFor(
        post(urlEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\""
                            + TOKEN
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
  }
}
