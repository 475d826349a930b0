package cn.gov.jx.majorprojects.notifications.client.keycloak;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.jx.majorprojects.notifications.config.NotificationProperties;
import cn.gov.jx.majorprojects.notifications.recipient.DirectoryUser;
import cn.gov.jx.majorprojects.support.client.ServiceToken;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/** Keycloak's Admin REST API on WireMock. */
class KeycloakUserDirectoryTests {

  final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort());
  KeycloakUserDirectory directory;

  @BeforeEach
  void start() {
    keycloak.start();
    OAuth2AuthorizedClientManager tokens = mock(OAuth2AuthorizedClientManager.class);
    ClientRegistration services =
        ClientRegistration.withRegistrationId("services")
            .clientId("services")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .tokenUri("http://unused/token")
            .build();
    when(tokens.authorize(any()))
        .thenReturn(
            new OAuth2AuthorizedClient(
                services,
                "services",
                new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.BEARER,
                    "svc",
                    Instant.now(),
                    Instant.now().plusSeconds(300))));
    var properties =
        new NotificationProperties(
            new NotificationProperties.Keycloak(
                keycloak.baseUrl(), "majorprojects", Duration.ofMinutes(1)),
            null,
            null,
            null,
            null,
            null);
    directory =
        new KeycloakUserDirectory(
            new ServiceToken(tokens, "notification-service"),
            properties,
            Clock.systemUTC(),
            new MockEnvironment().withProperty("platform.clients.max-answer-size", "1MB"));
  }

  @AfterEach
  void stop() {
    keycloak.stop();
  }

  @Test
  void readsARolesUsersWithRegionAndOrgAndReusesThemForAWhile() {
    keycloak.stubFor(
        get(urlPathEqualTo("/admin/realms/majorprojects/roles/owner/users"))
            .withHeader("Authorization", equalTo("Bearer svc"))
            .willReturn(
                okJson(
                    """
                    [{"id":"1","username":"owner.hgt","enabled":true,
                      "attributes":{"region":["360113"],"org":["org-nc-metro"]}},
                     {"id":"2","username":"owner.gone","enabled":false,"attributes":{}}]""")));

    assertThat(directory.usersWithRole(PlatformRole.OWNER))
        .containsExactly(
            new DirectoryUser("owner.hgt", PlatformRole.OWNER, "360113", "org-nc-metro", null));
    directory.usersWithRole(PlatformRole.OWNER);
    keycloak.verify(1, getRequestedFor(urlPathMatching(".*/roles/owner/users")));
  }

  @Test
  void withoutViewRealmItFallsBackToUsersAndTheirRoleMappings() {
    keycloak.stubFor(
        get(urlPathMatching("/admin/realms/majorprojects/roles/.*/users"))
            .willReturn(aResponse().withStatus(403)));
    keycloak.stubFor(
        get(urlPathEqualTo("/admin/realms/majorprojects/users"))
            .willReturn(
                okJson(
                    """
                    [{"id":"a","username":"coord.nc","enabled":true,"attributes":{"region":["360100"]}},
                     {"id":"b","username":"manager.nc","enabled":true,"attributes":{"region":["360100"]}}]""")));
    keycloak.stubFor(
        get(urlPathEqualTo("/admin/realms/majorprojects/users/a/role-mappings/realm/composite"))
            .willReturn(okJson("[{\"name\":\"coordinator\"},{\"name\":\"default-roles\"}]")));
    keycloak.stubFor(
        get(urlPathEqualTo("/admin/realms/majorprojects/users/b/role-mappings/realm/composite"))
            .willReturn(okJson("[{\"name\":\"manager\"}]")));

    assertThat(directory.usersWithRole(PlatformRole.COORDINATOR))
        .extracting(DirectoryUser::username)
        .containsExactly("coord.nc");
    assertThat(directory.usersWithRole(PlatformRole.MANAGER))
        .extracting(DirectoryUser::username)
        .containsExactly("manager.nc");
  }

  /**
   * A body that is not JSON, JSON of another shape, 10 MB, or a 200 with no body at all: an error
   * (the event waits), never an empty or made-up list of users, and nothing of it is reused.
   */
  @Test
  void aMalformedOrHugeAnswerIsAnErrorNeverAnEmptyOrMadeUpListOfUsers() {
    String path = "/admin/realms/majorprojects/roles/coordinator/users";
    java.util.List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> answers =
        java.util.List.of(
            aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>"),
            okJson("{\"users\":[]}"),
            okJson("[{\"unexpected\":true}]"),
            okJson("[\"coord.nc\"]"),
            okJson("[" + " ".repeat(10 * 1024 * 1024) + "]"),
            aResponse().withStatus(200).withHeader("Content-Type", "application/json"));
    for (var answer : answers) {
      keycloak.stubFor(get(urlPathEqualTo(path)).willReturn(answer));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> directory.usersWithRole(PlatformRole.COORDINATOR))
          .isInstanceOf(RuntimeException.class);
    }
    // nothing of the above was kept: a good answer is asked for and used at once
    keycloak.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(okJson("[{\"id\":\"a\",\"username\":\"coord.nc\",\"enabled\":true}]")));
    assertThat(directory.usersWithRole(PlatformRole.COORDINATOR))
        .extracting(DirectoryUser::username)
        .containsExactly("coord.nc");
  }
}
