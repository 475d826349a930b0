package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Supervision by managers and extension requests decided by the region above. */
class SupervisionAndExtensionApplicationTests extends CaseApplicationTestSupport {

  // submitted Thu 26 Nov 10:00 Shanghai: county deadline Thu 3 Dec 23:59:59 Shanghai
  static final String DUE = "2026-12-03T15:59:59Z";

  @Test
  void aManagerOverTheCaseSupervisesItAndHalvesTheTimeLeftOnce() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "督办");
    act(id, "supervise", TestUsers.coordHgt(), "{\"note\":\"x\"}")
        .andExpect(status().isForbidden());
    act(id, "supervise", TestUsers.ownerHgt(), "{\"note\":\"x\"}")
        .andExpect(status().isForbidden());
    act(id, "supervise", TestUsers.user("manager.gz", "manager", "360700"), "{\"note\":\"x\"}")
        .andExpect(status().isNotFound());
    act(id, "supervise", TestUsers.managerNc(), "{\"note\":\"\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("note")));

    act(id, "supervise", TestUsers.managerNc(), "{\"note\":\"市领导督办\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.supervised").value(true))
        // 5 working days left become 3: Tue 1 Dec 23:59:59 Shanghai
        .andExpect(jsonPath("$.dueAt").value("2026-12-01T15:59:59Z"));
    act(id, "supervise", TestUsers.managerJx(), "{\"note\":\"再次\"}")
        .andExpect(status().isConflict());
    mvc.perform(get("/api/issues?supervised=true&size=100").with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.content[*].id", hasItem(id)));
    Document entry = stored(id).getList("timeline", Document.class).get(1);
    assertThat(entry.getString("type")).isEqualTo("SUPERVISED");
    assertThat(entry.get("details", Document.class).getString("previousDueAt")).isEqualTo(DUE);
  }

  @Test
  void onlyAnApprovalByTheRegionAboveMovesTheDeadline() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "延期");
    String later = "{\"newDueAt\":\"2026-12-10T15:59:59Z\",\"reason\":\"征迁补偿需重新评估\"}";
    act(id, "extension-requests", TestUsers.coordNc(), later).andExpect(status().isForbidden());
    act(id, "extension-requests", TestUsers.coordGz(), later).andExpect(status().isNotFound());
    act(
            id,
            "extension-requests",
            TestUsers.coordHgt(),
            "{\"newDueAt\":\"2026-12-01T00:00:00Z\",\"reason\":\"早于现期限\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("newDueAt")));

    String first =
        act(id, "extension-requests", TestUsers.coordHgt(), later)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("PENDING"))
            .andExpect(jsonPath("$.approverRegion").value("360100"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String firstId = JsonPath.read(first, "$.id");
    act(id, "extension-requests", TestUsers.coordHgt(), later).andExpect(status().isConflict());
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.dueAt").value(DUE));

    String decide = "extension-requests/" + firstId + "/";
    act(id, decide + "approve", TestUsers.coordHgt(), null).andExpect(status().isForbidden());
    act(id, decide + "approve", TestUsers.coordJx(), null).andExpect(status().isForbidden());
    act(id, decide + "approve", TestUsers.coordGz(), null).andExpect(status().isNotFound());
    act(id, "extension-requests/nope/approve", TestUsers.coordNc(), null)
        .andExpect(status().isNotFound());
    act(id, decide + "decline", TestUsers.managerNc(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DECLINED"));
    act(id, decide + "approve", TestUsers.coordNc(), null).andExpect(status().isConflict());
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.dueAt").value(DUE));

    String second =
        act(id, "extension-requests", TestUsers.coordHgt(), later)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    act(
            id,
            "extension-requests/" + JsonPath.read(second, "$.id") + "/approve",
            TestUsers.coordNc(),
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value("coord.nc"));
    mvc.perform(get("/api/issues/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.dueAt").value("2026-12-10T15:59:59Z"));
    mvc.perform(get("/api/issues/" + id + "/timeline").with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$[*].type", hasItem("EXTENSION_REQUESTED")))
        .andExpect(jsonPath("$[4].type").value("EXTENSION_DECIDED"))
        .andExpect(jsonPath("$[4].details.decision").value("APPROVED"));
    mvc.perform(get("/api/issues/" + id + "/timeline/verify").with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.intact").value(true));
  }
}
