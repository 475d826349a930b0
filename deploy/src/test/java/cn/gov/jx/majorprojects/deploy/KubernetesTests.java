package cn.gov.jx.majorprojects.deploy;

import static cn.gov.jx.majorprojects.deploy.Tools.DEPLOY;
import static cn.gov.jx.majorprojects.deploy.Tools.at;
import static cn.gov.jx.majorprojects.deploy.Tools.documents;
import static cn.gov.jx.majorprojects.deploy.Tools.run;
import static cn.gov.jx.majorprojects.deploy.Tools.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s: kubectl's kustomize renders the base and every overlay offline, every rendered object
 * passes the Kubernetes schemas and field names (checks/k8s-objects.mjs), and the production
 * overlay has what issue 12 asks of it.
 */
class KubernetesTests {

  static final Path RENDERED = DEPLOY.resolve("target/k8s");

  static List<String> kustomizations() throws IOException {
    List<String> dirs = new ArrayList<>(List.of("k8s/base"));
    try (Stream<Path> overlays = Files.list(DEPLOY.resolve("k8s/overlays"))) {
      overlays.sorted().forEach(o -> dirs.add("k8s/overlays/" + o.getFileName()));
    }
    return dirs;
  }

  /** Without a kubeconfig kubectl would talk to localhost:8080, which is our gateway. */
  static String kustomize(String dir) {
    Path kubeconfig = write(DEPLOY.resolve("target/empty-kubeconfig"), "");
    Tools.Result result =
        run(Map.of("KUBECONFIG", kubeconfig.toString()), "kubectl", "kustomize", dir);
    assertThat(result.exit()).as("kubectl kustomize %s:%n%s", dir, result.output()).isZero();
    return result.output();
  }

  static List<Map<String, Object>> production;

  @BeforeAll
  static void render() throws IOException {
    for (String dir : kustomizations()) {
      write(RENDERED.resolve(Path.of(dir).getFileName() + ".yaml"), kustomize(dir));
    }
    production = documents(Tools.read(RENDERED.resolve("production.yaml")));
  }

  static List<Map<String, Object>> ofKind(String kind) {
    return production.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  static Set<String> names(String kind) {
    TreeSet<String> names = new TreeSet<>();
    ofKind(kind).forEach(o -> names.add(at(o, "metadata", "name")));
    return names;
  }

  @Test
  void everyRenderedObjectPassesTheKubernetesSchemasAndFieldNames() throws IOException {
    Tools.nodeModules();
    List<String> command = new ArrayList<>(List.of("node", "checks/k8s-objects.mjs"));
    for (String dir : kustomizations()) {
      command.add(RENDERED.resolve(Path.of(dir).getFileName() + ".yaml").toString());
    }

    String out = Tools.succeed(command.toArray(String[]::new));

    assertThat(out).contains(" 0 invalid");
  }

  @Test
  void everyDeploymentRunsTwoReplicasProbedOnTheManagementPortWithinLimits() {
    assertThat(names("Deployment"))
        .containsExactly("gateway", "issue-service", "notification-service", "project-service");
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
      Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        assertThat((Object) at(container, probe, "httpGet", "port"))
            .as("%s of %s", probe, at(deployment, "metadata", "name"))
            .isEqualTo("management");
      }
      assertThat((Object) at(container, "resources", "requests", "cpu")).isNotNull();
      assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
      assertThat(
              (Boolean)
                  at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
          .isTrue();
    }
  }

  @Test
  void gatewayAndIssueServiceAutoscaleAndEveryDeploymentHasADisruptionBudget() {
    assertThat(names("HorizontalPodAutoscaler")).containsExactly("gateway", "issue-service");
    for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
      assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
    }
    assertThat(names("PodDisruptionBudget")).isEqualTo(names("Deployment"));
  }

  @Test
  void secretsAreReferencedNeverWrittenIntoTheManifests() {
    assertThat(ofKind("Secret")).isEmpty();
    for (Map<String, Object> deployment : ofKind("Deployment")) {
      List<Map<String, Object>> env =
          at(deployment, "spec", "template", "spec", "containers", 0, "env");
      for (Map<String, Object> variable : env) {
        String name = (String) variable.get("name");
        if (name.matches(".*(SECRET|PASSWORD|KEY|MONGODB_URI).*")) {
          assertThat((Object) at(variable, "valueFrom", "secretKeyRef", "name"))
              .as(name)
              .isNotNull();
        }
      }
    }
    Map<String, String> config = at(ofKind("ConfigMap").get(0), "data");
    assertThat(config.keySet()).noneMatch(k -> k.matches(".*(SECRET|PASSWORD).*"));
  }

  @Test
  void onlyTheGatewayIsReachableFromOutsideAndMongoOnlyFromTheServices() {
    assertThat(names("Ingress")).containsExactly("gateway");
    assertThat(
            (Object)
                at(
                    ofKind("Ingress").get(0),
                    "spec",
                    "rules",
                    0,
                    "http",
                    "paths",
                    0,
                    "backend",
                    "service",
                    "name"))
        .isEqualTo("gateway");
    Map<String, Object> policies = new java.util.HashMap<>();
    ofKind("NetworkPolicy").forEach(p -> policies.put(at(p, "metadata", "name"), p));
    assertThat((Map<?, ?>) at(policies, "default-deny-ingress", "spec", "podSelector")).isEmpty();
    assertThat(
            (Object)
                at(
                    policies,
                    "mongodb-from-services",
                    "spec",
                    "ingress",
                    0,
                    "from",
                    0,
                    "podSelector",
                    "matchLabels"))
        .isEqualTo(Map.of("app.kubernetes.io/component", "service"));
    assertThat(
            (Object)
                at(
                    policies,
                    "gateway-from-ingress",
                    "spec",
                    "ingress",
                    0,
                    "from",
                    0,
                    "namespaceSelector"))
        .isNotNull();
  }

  @Test
  void mongoAndKeycloakAreTheOperatorsCustomResources() {
    assertThat((Integer) at(ofKind("MongoDBCommunity").get(0), "spec", "members")).isEqualTo(3);
    assertThat(names("Keycloak")).containsExactly("keycloak");
    Map<String, Object> realmImport = ofKind("KeycloakRealmImport").get(0);
    assertThat((Object) at(realmImport, "spec", "keycloakCRName")).isEqualTo("keycloak");
    assertThat((Object) at(realmImport, "spec", "realm", "realm")).isEqualTo("majorprojects");
  }
}
