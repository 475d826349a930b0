package cn.gov.jx.majorprojects.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OWASP API8 (security misconfiguration), read from the files that are deployed: the demo realm's
 * conveniences (the {@code cli} password grant, users with password {@code demo}) exist only in the
 * demo realm, every other realm file under {@code deploy/} has none of them and no literal secret,
 * and no deployment opens CORS to any origin.
 */
class DeploymentConfigurationTests {

  static final Path DEPLOY = Path.of("..", "deploy");
  static final Path DEMO_REALM = DEPLOY.resolve("keycloak/majorprojects-realm.json");

  /** The files under deploy/, without build output (deploy/bench/floor-gateway's jar) or npm's. */
  static List<Path> deploymentFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                for (Path segment : DEPLOY.relativize(f)) {
                  if (segment.toString().equals("target")
                      || segment.toString().equals("node_modules")) {
                    return false;
                  }
                }
                return true;
              })
          .toList();
    }
  }

  static List<Path> productionRealms() throws IOException {
    return deploymentFiles().stream()
        .filter(f -> f.toString().endsWith(".json"))
        .filter(f -> !f.normalize().equals(DEMO_REALM.normalize()))
        .filter(f -> read(f).path("realm").isString())
        .toList();
  }

  static JsonNode read(Path file) {
    try {
      return JsonMapper.shared().readTree(Files.readString(file));
    } catch (Exception notJson) {
      return JsonMapper.shared().createObjectNode();
    }
  }

  @Test
  void theDemoRealmSaysWhatItIsAndItsConsoleOriginIsNamed() {
    JsonNode realm = read(DEMO_REALM);
    JsonNode cli = client(realm, "cli");
    assertThat(cli).as("the demo realm's cli client").isNotNull();
    assertThat(cli.get("name").asString()).contains("LOCAL DEMO REALM ONLY");
    for (JsonNode client : realm.get("clients")) {
      assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
      for (JsonNode origin : client.path("webOrigins")) {
        assertThat(origin.asString()).isNotIn("*", "+");
      }
    }
  }

  /**
   * Every realm under deploy/ other than the demo realm; {@code
   * deploy/keycloak/production/majorprojects-realm.json} must be among them, so the test cannot
   * pass by checking nothing.
   */
  @Test
  void aProductionRealmHasNoDemoUsersNoPasswordGrantAndNoLiteralSecrets() throws IOException {
    List<Path> realms = productionRealms();
    assertThat(realms)
        .as("the production realm is found")
        .anyMatch(f -> f.endsWith(Path.of("keycloak", "production", "majorprojects-realm.json")));
    for (Path file : realms) {
      JsonNode realm = read(file);
      assertThat(client(realm, "cli")).as("%s has no cli client", file).isNull();
      for (JsonNode user : realm.path("users")) {
        assertThat(user.path("serviceAccountClientId").isString())
            .as("%s: user %s is a service account", file, user.path("username"))
            .isTrue();
        assertThat(user.path("credentials")).as("%s: no stored password", file).isEmpty();
      }
      for (JsonNode client : realm.path("clients")) {
        String id = client.path("clientId").asString();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
            .as("%s: %s has no password grant", file, id)
            .isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
        if (client.has("secret")) {
          assertThat(client.get("secret").asString())
              .as("%s: %s's secret comes from the environment", file, id)
              .startsWith("${");
        }
        for (JsonNode origin : client.path("webOrigins")) {
          assertThat(origin.asString()).isNotIn("*", "+");
        }
      }
      assertThat(realm.path("sslRequired").asString("external")).isNotEqualTo("none");
      assertThat(realm.path("bruteForceProtected").asBoolean(false)).isTrue();
    }
  }

  @Test
  void corsIsClosedByDefaultAndNoDeploymentOpensItToEveryOrigin() throws IOException {
    String gateway = Files.readString(Path.of("src/main/resources/application.yml"));
    assertThat(gateway).contains("cors-allowed-origins: ${GATEWAY_CORS_ALLOWED_ORIGINS:}");
    Pattern setting = Pattern.compile("GATEWAY_CORS_ALLOWED_ORIGINS\\W+([^\\s,}\"']*)");
    for (Path file : deploymentFiles()) {
      Matcher m = setting.matcher(Files.readString(file));
      while (m.find()) {
        assertThat(m.group(1)).as(file.toString()).doesNotContain("*");
      }
    }
  }

  static JsonNode client(JsonNode realm, String clientId) {
    for (JsonNode client : realm.path("clients")) {
      if (clientId.equals(client.path("clientId").asString())) {
        return client;
      }
    }
    return null;
  }
}
