package cn.gov.jx.majorprojects.issues.policy;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"management.server.port=0"})
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
@DirtiesContext
class PolicyApiApplicationTests {

  @Autowired MockMvc mvc;

  static String body(int version, int accept, int countyNormal) {
    return """
        {"version":%d,"acceptWorkingDays":%d,"resolveWorkingDays":{
          "COUNTY":{"normal":%d,"urgent":2},"CITY":{"normal":10,"urgent":5},
          "PROVINCE":{"normal":15,"urgent":7}}}"""
        .formatted(version, accept, countyNormal);
  }

  @Test
  void defaultsThenANewVersionWhileTheOldOneStaysReadable() throws Exception {
    mvc.perform(get("/api/escalation-policy").with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.acceptWorkingDays").value(1))
        .andExpect(jsonPath("$.resolveWorkingDays.COUNTY.normal").value(5))
        .andExpect(jsonPath("$.resolveWorkingDays.PROVINCE.urgent").value(7));

    // a coordinator may read but not change it
    mvc.perform(
            put("/api/escalation-policy")
                .with(TestUsers.coordJx())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(1, 2, 6)))
        .andExpect(status().isForbidden());

    // invalid: 400 with the field, nothing stored
    mvc.perform(
            put("/api/escalation-policy")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(1, 0, 6)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("acceptWorkingDays")));
    mvc.perform(
            put("/api/escalation-policy")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"acceptWorkingDays\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("version")));

    mvc.perform(
            put("/api/escalation-policy")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(1, 2, 6)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.resolveWorkingDays.COUNTY.normal").value(6));

    // a stale writer is refused, not lost
    mvc.perform(
            put("/api/escalation-policy")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(1, 3, 7)))
        .andExpect(status().isConflict());

    mvc.perform(get("/api/escalation-policy").with(TestUsers.managerJx()))
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.acceptWorkingDays").value(2));
    // cases created under version 1 keep reading version 1
    mvc.perform(get("/api/escalation-policy/versions/1").with(TestUsers.admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.resolveWorkingDays.COUNTY.normal").value(5));
    mvc.perform(get("/api/escalation-policy/versions/9").with(TestUsers.admin()))
        .andExpect(status().isNotFound());
  }

  @Test
  void needsAToken() throws Exception {
    mvc.perform(get("/api/escalation-policy")).andExpect(status().isUnauthorized());
  }
}
