package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.projects.plan.Blockers;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.PageView;
import cn.gov.jx.majorprojects.support.web.Paging;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The project registry. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

  private static final Set<String> SORTABLE =
      Set.of(
          "code",
          "name",
          "level",
          "regionCode",
          "industry",
          "ownerOrg",
          "status",
          "totalInvestment",
          "plannedStart",
          "plannedFinish",
          "actualStart",
          "createdAt",
          "updatedAt",
          "warning");

  private final ProjectService service;
  private final ProjectImport imports;
  private final ReportStates reportStates;

  private final Blockers blockers;

  ProjectController(
      ProjectService service, ProjectImport imports, ReportStates reportStates, Blockers blockers) {
    this.blockers = blockers;
    this.service = service;
    this.imports = imports;
    this.reportStates = reportStates;
  }

  @PostMapping
  ResponseEntity<ProjectView> create(
      PlatformUser user, @Valid @RequestBody ProjectRequest request) {
    Project created = service.create(user, request);
    return ResponseEntity.created(URI.create("/api/projects/" + created.getId()))
        .body(ProjectView.of(created));
  }

  @GetMapping("/{id}")
  ProjectView one(PlatformUser user, @PathVariable String id) {
    Project project = service.get(user, id);
    return ProjectView.of(
        project,
        reportStates.previousMonth(List.of(project)).get(id),
        blockers.thisYear(project.getId()));
  }

  @PatchMapping("/{id}")
  ProjectView patch(
      PlatformUser user, @PathVariable String id, @Valid @RequestBody ProjectPatch patch) {
    return ProjectView.of(service.patch(user, id, patch));
  }

  @GetMapping
  PageView<ProjectView> list(
      PlatformUser user,
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) ProjectLevel level,
      @RequestParam(required = false) ProjectStatus status,
      @RequestParam(required = false) Industry industry,
      @RequestParam(required = false) String ownerOrg,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Warning.Level warning,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "code,asc") String sort) {
    Pageable pageable =
        ProjectService.byWarningSeverity(Paging.of(page, size, sort, SORTABLE, "code"));
    ProjectFilter filter =
        new ProjectFilter(regionCode, level, status, industry, ownerOrg, q, warning);
    Page<Project> found = service.list(user, filter, pageable);
    // the whole page's report states in one query, not one call per project
    Map<String, PreviousReport> reports = reportStates.previousMonth(found.getContent());
    return PageView.of(found.map(p -> ProjectView.of(p, reports.get(p.getId()))));
  }

  static final int MAX_EXPORT_ROWS = 10_000;

  @GetMapping("/export")
  ResponseEntity<byte[]> export(
      PlatformUser user,
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) ProjectLevel level,
      @RequestParam(required = false) ProjectStatus status,
      @RequestParam(required = false) Industry industry,
      @RequestParam(required = false) String ownerOrg,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Warning.Level warning) {
    ProjectFilter filter =
        new ProjectFilter(regionCode, level, status, industry, ownerOrg, q, warning);
    byte[] sheet = ProjectExcel.write(service.export(user, filter, MAX_EXPORT_ROWS));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ProjectExcel.CONTENT_TYPE))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("projects.xlsx").build().toString())
        .body(sheet);
  }

  @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importSheet(
      PlatformUser user, @RequestParam("file") MultipartFile file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      List<Project> created = imports.importSheet(user, in);
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(
              Map.of(
                  "imported",
                  created.size(),
                  "ids",
                  created.stream().map(Project::getId).toList()));
    }
  }
}
