package cn.gov.jx.majorprojects.issues.meeting;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The meetings API's HTTP contract: statuses, problem bodies, filters; the service is mocked. */
@WebMvcTest(MeetingController.class)
class MeetingControllerWebMvcTests {

  static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

  @Autowired MockMvc mvc;

  @MockitoBean MeetingService meetings;

  ResultActions list(String query) throws Exception {
    return mvc.perform(get("/api/coordination-meetings" + query).with(TestUsers.coordNc()));
  }

  @Test
  void listFiltersThatMeanNothingAre400NamingTheParameter() throws Exception {
    list("?status=LATE")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    list("?regionCode=999999")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    list("?from=2026-13-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("must be a day YYYY-MM-DD"));
    list("?from=2026-12-10&to=2026-12-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    list("?status=%00")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(meetings);
  }

  @Test
  void aMeetingWithoutCasesOrTimeIs400AndNothingIsOrganised() throws Exception {
    mvc.perform(
            post("/api/coordination-meetings")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"专题会\",\"regionCode\":\"360100\",\"issueIds\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field=='issueIds')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field=='scheduledAt')]").exists());
    verifyNoInteractions(meetings);
  }

  @Test
  void anOrganisedMeetingIs201WithItsLocation() throws Exception {
    given(meetings.create(any(), any()))
        .willReturn(
            new Meeting.View(
                "m1",
                "专题会",
                "360100",
                AT,
                List.of(),
                List.of("c1"),
                "coord.nc",
                AT,
                Meeting.OPEN,
                List.of(),
                0L));
    mvc.perform(
            post("/api/coordination-meetings")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"title\":\"专题会\",\"regionCode\":\"360100\","
                        + "\"scheduledAt\":\"2026-12-01T02:00:00Z\",\"issueIds\":[\"c1\"]}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/coordination-meetings/m1"))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.issueIds[0]").value("c1"));
  }

  @Test
  void aDecisionWithAResponsibleRegionThatIsNoCodeIs400() throws Exception {
    mvc.perform(
            post("/api/coordination-meetings/m1/decisions")
                .with(TestUsers.coordNc())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"issueId\":\"c1\",\"decision\":\"限期签约\",\"responsibleUnit\":\"征迁办\","
                        + "\"responsibleRegion\":\"36\",\"dueAt\":\"2026-12-10T09:00:00Z\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("responsibleRegion"));
    verifyNoInteractions(meetings);
  }

  @Test
  void aDecisionDoneTwiceIs409AndAnUnknownOneIs404() throws Exception {
    given(meetings.done(eq("m1"), eq("d1"), any()))
        .willThrow(new ConflictException("Decision d1 is already done"));
    given(meetings.done(eq("m1"), eq("nope"), any()))
        .willThrow(new NotFoundException("Decision", "nope"));
    mvc.perform(post("/api/coordination-meetings/m1/decisions/d1/done").with(TestUsers.coordNc()))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Decision d1 is already done"));
    mvc.perform(post("/api/coordination-meetings/m1/decisions/nope/done").with(TestUsers.coordNc()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Decision nope not found"));
  }

  @Test
  void anOwnerOrganisingIs403Problem() throws Exception {
    given(meetings.create(any(), any())).willThrow(new AccessDeniedException("coordinators"));
    mvc.perform(
            post("/api/coordination-meetings")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"title\":\"专题会\",\"regionCode\":\"360113\","
                        + "\"scheduledAt\":\"2026-12-01T02:00:00Z\",\"issueIds\":[\"c1\"]}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
  }
}
