package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.ROOT;
import static cn.gov.jx.majorprojects.deploy.Tools.read;
import static cn.gov.jx.majorprojects.deploy.Tools.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The four Dockerfiles, linted offline (no Docker engine or base image here, so none is built):
 * dockerfile-utils' validator plus the project's rules (checks/dockerfiles.mjs).
 */
class DockerfilesTests {

  static final List<String> COMPONENTS =
      List.of("gateway", "project-service", "issue-service", "notification-service");

  @Test
  void everyDockerfilePassesTheLint() {
    Tools.nodeModules();
    String[] command =
        Stream.concat(
                Stream.of("node", "checks/dockerfiles.mjs"),
                COMPONENTS.stream().map(c -> ROOT.resolve(c).resolve("Dockerfile").toString()))
            .toArray(String[]::new);

    String out = succeed(command);

    assertThat(out).contains("4 Dockerfiles checked, 0 with problems");
  }

  @Test
  void eachImageChecksHealthOnTheManagementPortItsServiceListensOn() {
    Pattern defaultPort = Pattern.compile("port: \\$\\{MANAGEMENT_PORT:(\\d+)}");
    for (String component : COMPONENTS) {
      Matcher port =
          defaultPort.matcher(
              read(ROOT.resolve(component).resolve("src/main/resources/application.yml")));
      assertThat(port.find()).as("management port of %s", component).isTrue();
      String dockerfile = read(ROOT.resolve(component).resolve("Dockerfile"));

      assertThat(dockerfile)
          .contains("MANAGEMENT_PORT=" + port.group(1))
          .contains("http://localhost:" + port.group(1) + "/actuator/health/liveness")
          .contains("COPY target/" + component + "-*.jar app.jar");
    }
  }
}
