package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Monthly progress reports, their corrections and returns, and their Excel sheets. */
@RestController
class ProgressReportController {

  private final ProgressReportService service;
  private final ProgressReportSheets sheets;

  ProgressReportController(ProgressReportService service, ProgressReportSheets sheets) {
    this.service = service;
    this.sheets = sheets;
  }

  /** Body of a return for correction. */
  record ReturnRequest(@NotBlank @Size(max = 1000) String reason) {}

  record MissingReport(
      String projectId, String code, String name, String regionCode, String ownerOrg) {
    static MissingReport of(Project p) {
      return new MissingReport(
          p.getId(), p.getCode(), p.getName(), p.getRegionCode(), p.getOwnerOrg());
    }
  }

  @PutMapping("/api/projects/{id}/progress-reports/{period}")
  ResponseEntity<ProgressReportView> submit(
      PlatformUser user,
      @PathVariable String id,
      @PathVariable String period,
      @Valid @RequestBody ProgressReportRequest request) {
    ProgressReport report = service.submit(user, id, period, request);
    HttpStatus status = report.revision == 1 ? HttpStatus.CREATED : HttpStatus.OK;
    return ResponseEntity.status(status).body(ProgressReportView.latest(report));
  }

  @PostMapping("/api/projects/{id}/progress-reports/{period}/return")
  ProgressReportView returnForCorrection(
      PlatformUser user,
      @PathVariable String id,
      @PathVariable String period,
      @Valid @RequestBody ReturnRequest request) {
    return ProgressReportView.latest(
        service.returnForCorrection(user, id, period, request.reason()));
  }

  @GetMapping("/api/projects/{id}/progress-reports/{period}")
  ProgressReportView one(PlatformUser user, @PathVariable String id, @PathVariable String period) {
    return ProgressReportView.latest(service.one(user, id, period));
  }

  @GetMapping("/api/projects/{id}/progress-reports/{period}/revisions")
  List<ProgressReportView> revisions(
      PlatformUser user, @PathVariable String id, @PathVariable String period) {
    ProgressReport report = service.one(user, id, period);
    return report.revisions.stream().map(r -> ProgressReportView.of(report, r)).toList();
  }

  @GetMapping("/api/projects/{id}/progress-reports")
  List<ProgressReportView> all(PlatformUser user, @PathVariable String id) {
    return service.all(user, id).stream().map(ProgressReportView::latest).toList();
  }

  @GetMapping("/api/progress-reports/missing")
  List<MissingReport> missing(
      PlatformUser user,
      @RequestParam String period,
      @RequestParam(required = false) String regionCode) {
    return service.missing(user, period, regionCode).stream().map(MissingReport::of).toList();
  }

  @GetMapping("/api/progress-reports/template")
  ResponseEntity<byte[]> template(PlatformUser user, @RequestParam String period) {
    return workbook(sheets.template(user, period), "progress-reports-" + period + ".xlsx");
  }

  @PostMapping(
      value = "/api/progress-reports/import",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ProgressReportSheets.Imported importSheet(
      PlatformUser user, @RequestParam String period, @RequestParam("file") MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return sheets.importSheet(user, period, in);
    }
  }

  @GetMapping("/api/progress-reports/export")
  ResponseEntity<byte[]> export(
      PlatformUser user,
      @RequestParam(required = false) String regionCode,
      @RequestParam String period) {
    return workbook(
        sheets.export(user, regionCode, period), "progress-reports-" + period + ".xlsx");
  }

  private static ResponseEntity<byte[]> workbook(byte[] sheet, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ExcelSheets.CONTENT_TYPE))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(sheet);
  }
}
