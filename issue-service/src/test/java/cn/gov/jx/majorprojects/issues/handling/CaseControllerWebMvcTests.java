package cn.gov.jx.majorprojects.issues.handling;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.issue.CaseFixtures;
import cn.gov.jx.majorprojects.issues.issue.ExtensionRequest;
import cn.gov.jx.majorprojects.issues.issue.IssueMessage;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The case actions' HTTP contract: statuses, problem bodies, If-Match; the service is mocked. */
@WebMvcTest(CaseController.class)
class CaseControllerWebMvcTests {

  static final Instant NOW = CaseFixtures.NOW;

  @Autowired MockMvc mvc;

  @MockitoBean CaseService cases;

  static IssueView aCase() {
    return CaseFixtures.submitted().view(CaseFixtures.RULES.calendar(), NOW);
  }

  @Test
  void acceptPassesTheIfMatchVersionInAnyOfItsSpellingsAndAnswersTheCase() throws Exception {
    given(cases.accept(eq("c1"), eq(3L), any())).willReturn(aCase());
    for (String ifMatch : new String[] {"3", "\"3\"", "W/\"3\""}) {
      mvc.perform(
              post("/api/issues/c1/accept").header("If-Match", ifMatch).with(TestUsers.coordHgt()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.number").value("JX-2026-000001"))
          .andExpect(jsonPath("$.status").value("OPEN"));
    }
  }

  @Test
  void anIfMatchThatIsNoVersionIs400NamingTheHeaderAndNothingIsDone() throws Exception {
    mvc.perform(post("/api/issues/c1/accept").header("If-Match", "abc").with(TestUsers.coordHgt()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("If-Match"))
        .andExpect(jsonPath("$.errors[0].message").value("must be the issue's version number"));
    verifyNoInteractions(cases);
  }

  @Test
  void withoutIfMatchTheActionIsUnconditional() throws Exception {
    given(cases.confirm(eq("c1"), isNull(), any())).willReturn(aCase());
    mvc.perform(post("/api/issues/c1/confirm").with(TestUsers.ownerHgt()))
        .andExpect(status().isOk());
  }

  @Test
  void aBlankOrMissingReasonIs400NamingTheFieldAndNothingIsDone() throws Exception {
    mvc.perform(
            post("/api/issues/c1/escalate")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"  \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(
            post("/api/issues/c1/resolve")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"wrong field\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("resolution"));
    verifyNoInteractions(cases);
  }

  @Test
  void aRefusedTransitionIs409WithTheCasesReason() throws Exception {
    given(cases.returnDown(eq("c1"), eq("请区里办"), isNull(), any()))
        .willThrow(
            new ConflictException(
                "Issue JX-2026-000001 is at county level; there is no level below to return it to"));
    mvc.perform(
            post("/api/issues/c1/return")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"instruction\":\"请区里办\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("county level")));
  }

  @Test
  void aCaseOutsideTheCallersRegionIs404AndAWrongRoleIs403() throws Exception {
    given(cases.reopen(eq("c1"), any(), any(), any()))
        .willThrow(new NotFoundException("Issue", "c1"));
    given(cases.supervise(eq("c1"), any(), any(), any()))
        .willThrow(new AccessDeniedException("managers only"));
    mvc.perform(
            post("/api/issues/c1/reopen")
                .with(TestUsers.ownerZg())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"未解决\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Issue c1 not found"));
    mvc.perform(
            post("/api/issues/c1/supervise")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"督办\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403));
  }

  @Test
  void anExtensionRequestIs201WithItsLocation() throws Exception {
    Instant later = Instant.parse("2026-12-31T09:00:00Z");
    given(cases.requestExtension(eq("c1"), eq(later), eq("征迁需时"), any()))
        .willReturn(
            new ExtensionRequest(
                "r1",
                later,
                "征迁需时",
                "coord.hgt",
                NOW,
                RegionLevel.COUNTY,
                "360113",
                "360100",
                ExtensionRequest.Status.PENDING,
                null,
                null));
    mvc.perform(
            post("/api/issues/c1/extension-requests")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"newDueAt\":\"2026-12-31T09:00:00Z\",\"reason\":\"征迁需时\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/issues/c1/extension-requests/r1"))
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andExpect(jsonPath("$.approverRegion").value("360100"));
  }

  @Test
  void anExtensionRequestWithoutANewDeadlineIs400() throws Exception {
    mvc.perform(
            post("/api/issues/c1/extension-requests")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"征迁需时\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("newDueAt"));
    verifyNoInteractions(cases);
  }

  @Test
  void aPostInTheThreadIs201WithItsLocation() throws Exception {
    given(cases.postMessage(eq("c1"), eq("已联系征迁办"), any()))
        .willReturn(new IssueMessage("m1", "c1", "coord.hgt", "已联系征迁办", NOW));
    mvc.perform(
            post("/api/issues/c1/messages")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"已联系征迁办\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/issues/c1/messages/m1"))
        .andExpect(jsonPath("$.author").value("coord.hgt"));
  }

  @Test
  void milestonesNeedTheVersionInTheBody() throws Exception {
    mvc.perform(
            put("/api/issues/c1/milestones")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"milestoneIds\":[\"m-1\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    verifyNoInteractions(cases);
  }

  @Test
  void aDuplicatedJsonKeyIs400AndNothingIsDone() throws Exception {
    mvc.perform(
            post("/api/issues/c1/escalate")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"a\",\"reason\":\"b\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(cases);
  }

  @Test
  void withoutATokenIs401Problem() throws Exception {
    mvc.perform(post("/api/issues/c1/accept"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    verifyNoInteractions(cases);
  }
}
