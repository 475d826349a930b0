package cn.gov.jx.majorprojects.projects.plan;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What the plan tests start from: a project of org-gz-energy in Zhanggong, building in 2026. */
final class PlanFixtures {

  private PlanFixtures() {}

  /** Registered by the admin with the code's last six digits and the name given; its id. */
  static String zhanggongProject(MockMvc mvc, String serial, String name) throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"2026-360702-48-01-%s","name":"%s","level":"CITY",
                         "regionCode":"360702","industry":"ENERGY","ownerOrg":"org-gz-energy",
                         "ownerOrgName":"赣州能源","totalInvestment":90000,
                         "plannedStart":"2026-01-01","plannedFinish":"2027-12-31",
                         "status":"UNDER_CONSTRUCTION"}
                        """
                            .formatted(serial, name)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }
}
