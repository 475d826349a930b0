package cn.gov.jx.majorprojects.projects.progress;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What the report tests start from: an empty store and projects registered by the admin. */
final class ReportFixtures {

  private ReportFixtures() {}

  static void emptyStore(MongoTemplate mongo) {
    for (String c :
        new String[] {
          "projects",
          "progress_reports",
          "report_chases",
          "annual_plans",
          "dashboard_rollups",
          "dashboard_shares"
        }) {
      mongo.remove(new Query(), c);
    }
  }

  /** A project planned 2026-01-01 to 2027-12-31; answers its id. */
  static String project(
      MockMvc mvc, String serial, String region, String org, String name, String status)
      throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"2026-%s-48-01-%s","name":"%s","level":"CITY","regionCode":"%s",
                         "industry":"TRANSPORT","ownerOrg":"%s","ownerOrgName":"业主",
                         "totalInvestment":50000,"plannedStart":"2026-01-01",
                         "plannedFinish":"2027-12-31","status":"%s"}
                        """
                            .formatted(
                                region, serial, name.replace("\"", "\\\""), region, org, status)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }
}
