package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * MongoDB gone (found by FaultsE2ETests: the driver's 30 s server selection held every request past
 * the gateway's timeout): a read and an intake answer a 503 problem after the platform's 3 s server
 * selection timeout, no stack trace, no 500.
 */
@SpringBootTest(properties = {"management.server.port=0"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
@DirtiesContext
class MongoOutageApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoServer mongo;

  @Test
  void withMongoDownReadsAndIntakesAre503ProblemsWithinAFewSeconds() throws Exception {
    mvc.perform(get("/api/issues?size=5").with(TestUsers.coordHgt())).andExpect(status().isOk());
    mongo.shutdownNow();

    long t0 = System.nanoTime();
    unavailable(mvc.perform(get("/api/issues?size=5").with(TestUsers.coordHgt())));
    unavailable(
        mvc.perform(
            post("/api/issues")
                .with(TestUsers.ownerHgt())
                .header("Idempotency-Key", "outage-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"projectId":"p-1","title":"征迁受阻","description":"盾构无法进场",
                     "category":"DEMOLITION","urgency":"URGENT"}""")));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    // two calls, each waiting the 3 s selection timeout once: well under the driver's 30 s
    assertThat(millis).isBetween(5_000L, 12_000L);
  }

  private static void unavailable(ResultActions answer) throws Exception {
    answer
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(
            jsonPath("$.detail").value("The service cannot reach its database; try again shortly"));
    assertThat(answer.andReturn().getResponse().getContentAsString()).doesNotContain("Exception");
  }
}
