package cn.gov.jx.majorprojects.issues.cluster;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The case groups' HTTP contract: statuses, problem bodies, If-Match; the service is mocked. */
@WebMvcTest(CaseGroupController.class)
class CaseGroupControllerWebMvcTests {

  @Autowired MockMvc mvc;

  @MockitoBean CaseGroupService groups;

  @Test
  void aGroupOfOneCaseIs400AndNothingIsConfirmed() throws Exception {
    mvc.perform(
            post("/api/case-groups")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseIds\":[\"c1\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("caseIds"));
    verifyNoInteractions(groups);
  }

  @Test
  void removingWithAnIfMatchThatIsNoVersionIs400NamingTheHeader() throws Exception {
    mvc.perform(
            delete("/api/case-groups/g1/cases/c1")
                .header("If-Match", "W/\"x\"")
                .with(TestUsers.coordNc()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("If-Match"))
        .andExpect(jsonPath("$.errors[0].message").value("must be the group's version number"));
    verifyNoInteractions(groups);
  }

  @Test
  void removingAtAnOldVersionIs409() throws Exception {
    given(groups.remove(eq("g1"), eq("c1"), eq(2L), any()))
        .willThrow(new ConflictException("Case group g1 is at version 3, not 2; reload it"));
    mvc.perform(
            delete("/api/case-groups/g1/cases/c1")
                .header("If-Match", "\"2\"")
                .with(TestUsers.coordNc()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("Case group g1 is at version 3, not 2; reload it"));
  }

  @Test
  void aDecisionWithoutDueDateIs400AndNothingIsDecided() throws Exception {
    mvc.perform(
            post("/api/case-groups/g1/decisions")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"统一协调\",\"responsibleUnit\":\"市自然资源局\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueAt"));
    verifyNoInteractions(groups);
  }

  @Test
  void anUnknownDecisionIs404AndAnOwnerIs403() throws Exception {
    given(groups.done(eq("g1"), eq("nope"), any()))
        .willThrow(new NotFoundException("Group decision", "nope"));
    given(groups.done(eq("g1"), eq("d1"), any())).willThrow(new AccessDeniedException("no"));
    mvc.perform(post("/api/case-groups/g1/decisions/nope/done").with(TestUsers.coordNc()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Group decision nope not found"));
    mvc.perform(post("/api/case-groups/g1/decisions/d1/done").with(TestUsers.ownerHgt()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aMeetingWithoutTimeIs400() throws Exception {
    mvc.perform(
            post("/api/case-groups/g1/meeting")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"联席会\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("scheduledAt"));
    verifyNoInteractions(groups);
  }
}
