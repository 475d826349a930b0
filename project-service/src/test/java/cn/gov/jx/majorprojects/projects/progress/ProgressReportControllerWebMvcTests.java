package cn.gov.jx.majorprojects.projects.progress;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The monthly reports' HTTP contract: statuses, problem bodies, sheets; services are mocked. */
@WebMvcTest(ProgressReportController.class)
class ProgressReportControllerWebMvcTests {

  static final String VALID =
      "{\"investmentCompleted\":120.5,\"physicalProgressPercent\":35,\"workersOnSite\":80,"
          + "\"siteState\":\"WORKING\"}";

  @Autowired MockMvc mvc;

  @MockitoBean ProgressReportService service;
  @MockitoBean ProgressReportSheets sheets;

  static ProgressReport report(int revisions) {
    ProgressReport report = new ProgressReport();
    report.id = ProgressReport.idOf("p1", "2026-10");
    report.projectId = "p1";
    report.period = "2026-10";
    report.version = (long) revisions;
    for (int r = 1; r <= revisions; r++) {
      report.revision = r;
      report.revisions.add(
          new ProgressReport.Revision(
              r,
              new BigDecimal("120.5"),
              new BigDecimal("35"),
              80,
              SiteState.WORKING,
              null,
              null,
              "owner.hgt",
              Instant.parse("2026-11-03T02:00:00Z"),
              null));
    }
    return report;
  }

  ResultActions submit(String body) throws Exception {
    return mvc.perform(
        put("/api/projects/p1/progress-reports/2026-10")
            .with(TestUsers.ownerHgt())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void theFirstRevisionIs201AndALaterOne200() throws Exception {
    given(service.submit(any(), eq("p1"), eq("2026-10"), any())).willReturn(report(1));
    submit(VALID)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.revision").value(1))
        .andExpect(jsonPath("$.siteState").value("WORKING"));
    given(service.submit(any(), eq("p1"), eq("2026-10"), any())).willReturn(report(2));
    submit(VALID).andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
  }

  @Test
  void figuresOutOfRangeOrAnUnknownSiteStateAre400AndNothingIsStored() throws Exception {
    submit(VALID.replace("35", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("physicalProgressPercent"));
    submit(VALID.replace("WORKING", "PAUSED"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("siteState"));
    submit("{\"investmentCompleted\":-1,\"physicalProgressPercent\":35,\"workersOnSite\":80}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field=='investmentCompleted')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field=='siteState')]").exists());
    verifyNoInteractions(service);
  }

  @Test
  void aProjectOutOfScopeIs404AWrongRoleIs403AndALateCorrection409() throws Exception {
    given(service.one(any(), eq("p9"), eq("2026-10")))
        .willThrow(new NotFoundException("Project", "p9"));
    mvc.perform(get("/api/projects/p9/progress-reports/2026-10").with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Project p9 not found"));
    given(service.returnForCorrection(any(), eq("p1"), eq("2026-10"), eq("数字有误")))
        .willThrow(new AccessDeniedException("coordinators"));
    mvc.perform(
            post("/api/projects/p1/progress-reports/2026-10/return")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"数字有误\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    given(service.returnForCorrection(any(), eq("p1"), eq("2026-10"), eq("再改")))
        .willThrow(new ConflictException("The report is already returned for correction"));
    mvc.perform(
            post("/api/projects/p1/progress-reports/2026-10/return")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"再改\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("The report is already returned for correction"));
  }

  @Test
  void aReturnWithoutReasonIs400() throws Exception {
    mvc.perform(
            post("/api/projects/p1/progress-reports/2026-10/return")
                .with(TestUsers.coordHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    verifyNoInteractions(service);
  }

  @Test
  void theTemplateIsAnXlsxAttachmentNamedByPeriod() throws Exception {
    given(sheets.template(any(), eq("2026-10"))).willReturn(new byte[] {1, 2, 3});
    mvc.perform(
            get("/api/progress-reports/template")
                .param("period", "2026-10")
                .with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(content().contentType(ExcelSheets.CONTENT_TYPE))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"progress-reports-2026-10.xlsx\""))
        .andExpect(content().bytes(new byte[] {1, 2, 3}));
  }

  @Test
  void theMissingListWithoutPeriodIs400Problem() throws Exception {
    mvc.perform(get("/api/progress-reports/missing").with(TestUsers.coordHgt()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(service);
  }
}
