package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monthly progress reports and their corrections. */
@RestController
class ProgressReportController {

  private final ProgressReportService service;

  ProgressReportController(ProgressReportService service) {
    this.service = service;
  }

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
}
