package cn.gov.jx.majorprojects.issues;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"management.server.port=0"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class IssueServiceApplicationTests {

  @Autowired MockMvc mvc;

  @Test
  void apiNeedsABearerTokenAndSaysSoAsProblemJson() throws Exception {
    mvc.perform(get("/api/issues"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Unauthorized"));
  }

  @Test
  void unknownPathWithATokenIsProblem404() throws Exception {
    mvc.perform(get("/api/no-such-thing").with(TestUsers.coordJx()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void internalEndpointsAreForTheServicesClientOnly() throws Exception {
    mvc.perform(get("/internal/anything").with(TestUsers.admin()))
        .andExpect(status().isForbidden());
  }

  @Test
  void publishesAnOpenApiDocument() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").exists())
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
    cn.gov.jx.majorprojects.support.testing.RouteInventory.assertRouted(mvc, "issue-service");
  }
}
