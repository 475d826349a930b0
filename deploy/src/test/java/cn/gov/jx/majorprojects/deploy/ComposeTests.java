package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.DEPLOY;
import static cn.gov.jx.majorprojects.deploy.Tools.at;
import static cn.gov.jx.majorprojects.deploy.Tools.documents;
import static cn.gov.jx.majorprojects.deploy.Tools.run;
import static cn.gov.jx.majorprojects.deploy.Tools.succeed;
import static cn.gov.jx.majorprojects.deploy.Tools.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/compose, checked by docker-compose 1.29's own validation (no Docker engine needed). */
class ComposeTests {

  static final String FILE = "compose/docker-compose.yml";

  static Map<String, Object> resolved() {
    String out =
        succeed("docker-compose", "-f", FILE, "--env-file", "compose/.env.example", "config");
    return documents(out).get(0);
  }

  @Test
  void composeFileIsValidWithTheExampleEnvironment() {
    succeed("docker-compose", "-f", FILE, "--env-file", "compose/.env.example", "config", "-q");
  }

  @Test
  void refusesToStartWithoutTheSecretsInTheEnvironment() {
    Path empty = write(DEPLOY.resolve("target/empty.env"), "");

    Tools.Result result =
        run("docker-compose", "-f", FILE, "--env-file", empty.toString(), "config", "-q");

    assertThat(result.exit()).isNotZero();
    assertThat(result.output()).contains("in .env");
  }

  @Test
  void everyMountedFileOrFolderExists() {
    Map<String, Map<String, Object>> services = at(resolved(), "services");
    int mounts = 0;
    for (Map<String, Object> service : services.values()) {
      List<Object> volumes = at(service, "volumes");
      for (Object volume : volumes == null ? List.of() : volumes) {
        String source = volume instanceof String s ? s.split(":")[0] : at(volume, "source");
        if (source.startsWith("/")) {
          assertThat(Path.of(source)).exists();
          mounts++;
        }
      }
      String context = at(service, "build", "context");
      if (context != null) {
        assertThat(Path.of(context, "Dockerfile")).exists();
      }
    }
    assertThat(mounts).isGreaterThanOrEqualTo(5);
  }

  @Test
  void mongoIsAThreeMemberReplicaSetAndKeycloakRunsInProductionModeWithTheProductionRealm() {
    Map<String, Object> services = at(resolved(), "services");
    for (String member : List.of("mongo1", "mongo2", "mongo3")) {
      assertThat((List<String>) at(services, member, "command"))
          .containsSequence("--replSet", "rs0");
    }
    assertThat(String.join(" ", (List<String>) at(services, "mongo-init", "command")))
        .contains("mongo1:27017", "mongo2:27017", "mongo3:27017", "rs.initiate");
    assertThat((List<String>) at(services, "keycloak", "command")).startsWith("start");
    assertThat(at(services, "keycloak", "environment", "KC_DB").toString()).isEqualTo("postgres");
    assertThat(at(services, "keycloak", "volumes").toString())
        .contains("keycloak/production/majorprojects-realm.json");
  }

  @Test
  void onlyTheGatewayKeycloakAndGrafanaPublishAPort() {
    Map<String, Map<String, Object>> services = at(resolved(), "services");
    TreeSet<String> published = new TreeSet<>();
    services.forEach(
        (name, service) -> {
          if (service.get("ports") != null) {
            published.add(name);
          }
        });

    assertThat(published).containsExactly("gateway", "grafana", "keycloak");
  }
}
