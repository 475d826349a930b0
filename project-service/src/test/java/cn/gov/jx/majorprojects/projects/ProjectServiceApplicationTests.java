package cn.gov.jx.majorprojects.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
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
        .andExpect(jsonPath("$.paths['/api/regions']").exists());
  }
}
