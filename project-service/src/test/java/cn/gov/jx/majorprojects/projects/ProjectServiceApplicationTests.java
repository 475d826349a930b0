package cn.gov.jx.majorprojects.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.server.port=0"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class ProjectServiceApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @Test
  void seedsTheBundledRegionTreeIntoMongoOnFirstStart() throws Exception {
    assertThat(mongo.getCollection("regions").countDocuments()).isEqualTo(112);
    mvc.perform(get("/api/regions/360113").with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("红谷滩区"));
  }

  @Test
  void internalEndpointsRefuseUserTokens() throws Exception {
    mvc.perform(get("/internal/anything").with(TestUsers.admin()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/internal/anything").with(TestUsers.serviceClient()))
        .andExpect(status().isNotFound());
  }

  @Test
  void theServicesClientTokenIsRefusedOnTheUserApi() throws Exception {
    mvc.perform(get("/api/projects").with(TestUsers.serviceClient()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    mvc.perform(get("/api/regions").with(TestUsers.serviceClient()))
        .andExpect(status().isForbidden());
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** A request written byte by byte, as a hostile client sends it; the whole answer as text. */
  static String raw(int port, String requestTarget) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + requestTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void requestsTomcatOrTheFirewallRefuseBeforeAnyControllerAreProblemJsonToo() throws Exception {
    for (String target :
        List.of(
            "/api/projects/a|b{}",
            "/api/projects/%ZZ",
            "/api/projects/" + "x".repeat(20_000),
            "/api/projects/..%2F..%2Fetc",
            "/api/projects/../../etc/passwd",
            "/api/projects/a;jsessionid=1")) {
      String answer = raw(port, target);
      String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertThat(head).as(target).containsPattern("^HTTP/1.1 4\\d\\d");
      assertThat(head.toLowerCase(java.util.Locale.ROOT))
          .as(target)
          .contains("content-type: application/problem+json");
      assertThat(body).as(target).contains("\"status\":4").doesNotContain("Exception", "<html");
    }
  }

  @Test
  void aJsonBodyWithAKeyTwiceIsRefusedAndNothingIsStored() throws Exception {
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/projects")
                .with(TestUsers.admin())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"2027-360113-48-01-000999","name":{"$ne":null},"name":"两次",
                     "level":"CITY","regionCode":"360113","industry":"ENERGY",
                     "ownerOrg":"org-nc-metro","ownerOrgName":"业主","totalInvestment":1,
                     "plannedStart":"2027-01-01","plannedFinish":"2028-12-31"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .contentTypeCompatibleWith(
                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(mongo.getCollection("projects").countDocuments()).isZero();
  }

  @LocalManagementPort int managementPort;

  @Test
  void actuatorOnTheManagementPortShowsHealthAndTaggedMetricsOnly() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://localhost:" + managementPort + "/actuator/";

    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "health")).build(), BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"");

    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "prometheus")).build(),
            BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("application=\"project-service\"");

    HttpResponse<String> env =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "env")).build(), BodyHandlers.ofString());
    assertThat(env.statusCode()).isIn(401, 404);
    assertThat(env.body()).doesNotContain("propertySources");
  }

  @Test
  void publishesAnOpenApiDocument() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/regions']").exists())
        // the signed-in user comes from the token, not from a parameter a client sends
        .andExpect(jsonPath("$..parameters[?(@.name == 'size')]").isNotEmpty())
        .andExpect(jsonPath("$..parameters[?(@.name == 'user')]").isEmpty());
  }

  /** OWASP API5: a new write endpoint without a wrong-role test in the README's table fails. */
  @Test
  void everyWriteOperationOfTheOpenApiDocumentHasAWrongRoleTestInTheReadme() throws Exception {
    cn.gov.jx.majorprojects.support.testing.RoleTestInventory.assertComplete(mvc);
  }

  /**
   * OWASP API9: the gateway routes every documented {@code /api} path here, and routes no {@code
   * /api} prefix here that has no documented path.
   */
  @Test
  void theGatewayRoutesEveryDocumentedPathHereAndNoUndocumentedPrefix() throws Exception {
    cn.gov.jx.majorprojects.support.testing.RouteInventory.assertRouted(mvc, "project-service");
  }
}
