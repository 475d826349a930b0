package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.DEPLOY;
import static cn.gov.jx.majorprojects.deploy.Tools.at;
import static cn.gov.jx.majorprojects.deploy.Tools.read;
import static cn.gov.jx.majorprojects.deploy.Tools.succeed;
import static cn.gov.jx.majorprojects.deploy.Tools.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The production realm is generated from the demo realm (one source of truth) and differs from it
 * only where production must: no demo users, no {@code cli} password-grant client, secrets and the
 * public URL from the environment, brute force protection on.
 */
class KeycloakRealmTests {

  static JsonNode realm(String file) {
    return new ObjectMapper().readTree(read(DEPLOY.resolve("keycloak").resolve(file)));
  }

  static final JsonNode DEMO = realm("majorprojects-realm.json");
  static final JsonNode PRODUCTION = realm("production/majorprojects-realm.json");

  @Test
  void productionFilesAreUpToDateWithTheDemoRealm() {
    succeed("node", "keycloak/production-realm.mjs", "--check");
  }

  @Test
  void productionRealmHasNoDemoUserAndNoPasswordGrantClient() {
    Set<String> users = new TreeSet<>();
    PRODUCTION.path("users").forEach(u -> users.add(u.path("username").asString()));
    Set<String> clients = new TreeSet<>();
    PRODUCTION.path("clients").forEach(c -> clients.add(c.path("clientId").asString()));

    assertThat(users).containsExactly("service-account-services");
    assertThat(clients).containsExactly("console", "services");
    PRODUCTION
        .path("clients")
        .forEach(c -> assertThat(c.path("directAccessGrantsEnabled").asBoolean()).isFalse());
    assertThat(read(DEPLOY.resolve("keycloak/production/majorprojects-realm.json")))
        .doesNotContain("local-demo", "\"password\"", "localhost");
  }

  @Test
  void productionRealmDiffersFromTheDemoOnlyInUsersCliSecretsPublicUrlAndBruteForce() {
    Set<String> differences = new TreeSet<>();
    diff(DEMO, PRODUCTION, "", differences);

    Set<String> expected =
        new TreeSet<>(
            Set.of(
                "bruteForceProtected",
                "clients[cli] removed",
                "clients[console].secret",
                "clients[console].redirectUris[0]",
                "clients[console].webOrigins[0]",
                "clients[console].attributes.post.logout.redirect.uris",
                "clients[services].secret"));
    DEMO.path("users")
        .forEach(
            u -> {
              if (!u.has("serviceAccountClientId")) {
                expected.add("users[" + u.path("username").asString() + "] removed");
              }
            });
    assertThat(differences).isEqualTo(expected);
  }

  @Test
  void everyNewPlaceholderIsSetByComposeAndByTheRealmImportFromSecrets() {
    Set<String> added = placeholders(PRODUCTION);
    added.removeAll(placeholders(DEMO));
    Map<String, Object> keycloakEnv =
        at(
            yaml(DEPLOY.resolve("compose/docker-compose.yml")),
            "services",
            "keycloak",
            "environment");
    Map<String, Object> imported =
        at(yaml(DEPLOY.resolve("k8s/base/keycloak-realm-import.json")), "spec", "placeholders");

    assertThat(added)
        .containsExactlyInAnyOrder(
            "CONSOLE_CLIENT_SECRET", "SERVICES_CLIENT_SECRET", "GATEWAY_PUBLIC_URL");
    assertThat(keycloakEnv).containsKeys(added.toArray(String[]::new));
    assertThat(imported).containsOnlyKeys(added.toArray(String[]::new));
  }

  static Set<String> placeholders(JsonNode realm) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Za-z_]+)}").matcher(realm.toString());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Paths where two realm trees differ; clients and users are matched by id, not position. */
  static void diff(JsonNode a, JsonNode b, String path, Set<String> out) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new TreeSet<>(a.propertyNames());
      keys.addAll(b.propertyNames());
      for (String key : keys) {
        String child = path.isEmpty() ? key : path + "." + key;
        if (!a.has(key) || !b.has(key)) {
          out.add(child + (a.has(key) ? " removed" : " added"));
        } else if (Set.of("clients", "users").contains(key) && path.isEmpty()) {
          diffById(
              a.get(key), b.get(key), key, key.equals("clients") ? "clientId" : "username", out);
        } else {
          diff(a.get(key), b.get(key), child, out);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(a.get(i), b.get(i), path + "[" + i + "]", out);
      }
    } else if (!a.equals(b)) {
      out.add(path);
    }
  }

  static void diffById(JsonNode a, JsonNode b, String path, String id, Set<String> out) {
    for (Iterator<JsonNode> it = a.values().iterator(); it.hasNext(); ) {
      JsonNode left = it.next();
      String key = left.path(id).asString();
      JsonNode right = null;
      for (JsonNode candidate : b) {
        if (candidate.path(id).asString().equals(key)) {
          right = candidate;
        }
      }
      if (right == null) {
        out.add(path + "[" + key + "] removed");
      } else {
        diff(left, right, path + "[" + key + "]", out);
      }
    }
    for (JsonNode right : b) {
      boolean known = false;
      for (JsonNode left : a) {
        known |= left.path(id).asString().equals(right.path(id).asString());
      }
      if (!known) {
        out.add(path + "[" + right.path(id).asString() + "] added");
      }
    }
  }
}
