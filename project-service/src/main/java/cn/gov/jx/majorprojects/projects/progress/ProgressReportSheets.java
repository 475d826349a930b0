package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.projects.excel.ExcelSheets.SheetRow;
import cn.gov.jx.majorprojects.projects.excel.ExcelSheets.Table;
import cn.gov.jx.majorprojects.projects.progress.ProgressReport.Revision;
import cn.gov.jx.majorprojects.projects.progress.ReportWorkbook.ExportRow;
import cn.gov.jx.majorprojects.projects.progress.ReportWorkbook.TemplateRow;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.projects.project.ProjectStatus;
import cn.gov.jx.majorprojects.support.security.Jurisdiction;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Monthly reports in Excel: an owner's template and upload (every row checked like the PUT, all
 * rows or none, each filed through {@link ProgressReportService#submit}), and the export of a
 * region's month for coordinators and managers.
 */
@Service
class ProgressReportSheets {

  /** More rows than any owner organisation has key projects; each row is one filing. */
  static final int MAX_IMPORT_ROWS = 1_000;

  static final int MAX_EXPORT_ROWS = 10_000;

  private final ProgressReportService service;
  private final ProgressReportRepository reports;
  private final ProjectService projects;
  private final Jurisdiction jurisdiction;
  private final Validator validator;

  ProgressReportSheets(
      ProgressReportService service,
      ProgressReportRepository reports,
      ProjectService projects,
      Jurisdiction jurisdiction,
      Validator validator) {
    this.service = service;
    this.reports = reports;
    this.projects = projects;
    this.jurisdiction = jurisdiction;
    this.validator = validator;
  }

  /** What the upload answers: revisions filed, and rows left alone (blank or unchanged). */
  record Imported(int filed, int unchanged, List<Filed> revisions) {}

  record Filed(int row, String projectId, int revision) {}

  /** The owner's projects that report (building or suspended), with last and this month. */
  byte[] template(PlatformUser user, String period) {
    requireOwner(user);
    YearMonth month = service.reportablePeriod(period);
    List<Project> reporting =
        projects.inScope(user, null, MAX_IMPORT_ROWS).stream()
            .filter(
                p ->
                    p.getStatus() == ProjectStatus.UNDER_CONSTRUCTION
                        || p.getStatus() == ProjectStatus.SUSPENDED)
            .toList();
    List<String> ids = reporting.stream().map(Project::getId).toList();
    Map<String, ProgressReport> last = byProject(month.minusMonths(1).toString(), ids);
    Map<String, ProgressReport> now = byProject(period, ids);
    List<TemplateRow> rows =
        reporting.stream()
            .map(p -> new TemplateRow(p, last.get(p.getId()), now.get(p.getId())))
            .toList();
    return ReportWorkbook.template(month, rows);
  }

  Imported importSheet(PlatformUser user, String period, InputStream in) {
    requireOwner(user);
    YearMonth month = service.reportablePeriod(period);
    List<FieldProblem> problems = new ArrayList<>();
    Table table = ExcelSheets.read(in, ReportWorkbook.IMPORTED, MAX_IMPORT_ROWS, problems);
    String made = ReportWorkbook.periodOf(table.name());
    if (problems.isEmpty() && made != null && !made.equals(month.toString())) {
      problems.add(new FieldProblem("file", "is the template of " + made + ", not of " + period));
    }
    failOn(problems);
    Map<String, Project> own =
        projects.inScope(user, null, MAX_EXPORT_ROWS).stream()
            .collect(Collectors.toMap(Project::getId, Function.identity()));
    Map<String, ProgressReport> filed = byProject(period, own.keySet());
    Map<String, Integer> firstRowOf = new HashMap<>();
    List<SheetRow> toFile = new ArrayList<>();
    List<ProgressReportRequest> requests = new ArrayList<>();
    int unchanged = 0;
    for (SheetRow row : table.rows()) {
      Map<String, Object> v = row.values();
      if (inputsBlank(v)) {
        unchanged++;
        continue;
      }
      List<FieldProblem> rowProblems = new ArrayList<>();
      String projectId = ExcelSheets.string(v.get("projectId"));
      if (projectId == null) {
        rowProblems.add(new FieldProblem("projectId", "is required"));
      } else if (!own.containsKey(projectId)) {
        rowProblems.add(
            new FieldProblem("projectId", "is not a project of your organisation: " + projectId));
      } else {
        Integer earlier = firstRowOf.putIfAbsent(projectId, row.number());
        if (earlier != null) {
          rowProblems.add(new FieldProblem("projectId", "repeats row " + earlier));
        }
      }
      ProgressReportRequest request = requestOf(v, rowProblems);
      if (rowProblems.stream().noneMatch(p -> !p.field().equals("projectId"))) {
        validator.validate(request).stream()
            .sorted(Comparator.comparing(c -> c.getPropertyPath().toString()))
            .forEach(
                c ->
                    rowProblems.add(
                        new FieldProblem(c.getPropertyPath().toString(), c.getMessage())));
      }
      if (rowProblems.isEmpty()) {
        rowProblems.addAll(ProgressReportService.problemsOf(request));
      }
      for (FieldProblem p : rowProblems) {
        problems.add(
            new FieldProblem(
                "row " + row.number() + ": " + p.field(),
                "column " + table.column(p.field(), ReportWorkbook.IMPORTED) + " " + p.message()));
      }
      if (rowProblems.isEmpty()) {
        if (sameAsLatest(filed.get(projectId), request)) {
          unchanged++;
        } else {
          toFile.add(row);
          requests.add(request);
        }
      }
    }
    if (problems.isEmpty() && toFile.isEmpty() && unchanged == 0) {
      problems.add(new FieldProblem("file", "has no report rows"));
    }
    failOn(problems);
    // every row passed: each is filed exactly as a PUT would file it (revision, lateness, events)
    List<Filed> out = new ArrayList<>();
    for (int i = 0; i < toFile.size(); i++) {
      String projectId = ExcelSheets.string(toFile.get(i).values().get("projectId"));
      ProgressReport saved = service.submit(user, projectId, period, requests.get(i));
      out.add(new Filed(toFile.get(i).number(), projectId, saved.revision));
    }
    return new Imported(out.size(), unchanged, out);
  }

  /**
   * A region's month for coordinators, managers and admins: every project in scope that reported,
   * and every one under construction that did not ("未报"); a region outside the caller's is 404.
   */
  byte[] export(PlatformUser user, String regionCode, String period) {
    if (!user.hasAny(PlatformRole.ADMIN, PlatformRole.MANAGER, PlatformRole.COORDINATOR)) {
      throw new AccessDeniedException("the report export is for coordinators and managers");
    }
    YearMonth month = ProgressReportService.parsePeriod(period);
    String code = regionCode == null || regionCode.isBlank() ? user.region() : regionCode;
    if (code != null) {
      String wanted = code;
      jurisdiction.tree().find(code).orElseThrow(() -> new NotFoundException("Region", wanted));
      if (!user.has(PlatformRole.ADMIN) && !jurisdiction.covers(user, code)) {
        throw new NotFoundException("Region", code);
      }
    }
    List<Project> inScope = projects.inScope(user, code, MAX_EXPORT_ROWS);
    Map<String, ProgressReport> filed =
        byProject(period, inScope.stream().map(Project::getId).toList());
    List<ExportRow> rows =
        inScope.stream()
            .filter(
                p ->
                    filed.containsKey(p.getId())
                        || p.getStatus() == ProjectStatus.UNDER_CONSTRUCTION)
            .map(p -> new ExportRow(p, filed.get(p.getId())))
            .toList();
    return ReportWorkbook.export(month, rows);
  }

  private static void requireOwner(PlatformUser user) {
    if (!user.has(PlatformRole.OWNER) || user.org() == null) {
      throw new AccessDeniedException("monthly reports are filed by owner organisations");
    }
  }

  private Map<String, ProgressReport> byProject(String period, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return reports.findByPeriodAndProjectIdIn(period, ids).stream()
        .collect(Collectors.toMap(r -> r.projectId, Function.identity()));
  }

  private static boolean inputsBlank(Map<String, Object> v) {
    for (String[] column : ReportWorkbook.IMPORTED) {
      if (!column[1].equals("projectId") && v.get(column[1]) != null) {
        return false;
      }
    }
    return true;
  }

  private static ProgressReportRequest requestOf(Map<String, Object> v, List<FieldProblem> p) {
    return new ProgressReportRequest(
        ExcelSheets.decimal(v.get("investmentCompleted"), "investmentCompleted", p),
        ExcelSheets.decimal(v.get("physicalProgressPercent"), "physicalProgressPercent", p),
        ExcelSheets.integer(v.get("workersOnSite"), "workersOnSite", p),
        ExcelSheets.enumOf(SiteState.class, v.get("siteState"), "siteState", p),
        ExcelSheets.string(v.get("suspensionReason")),
        ExcelSheets.string(v.get("note")));
  }

  /** A row equal to the month's latest revision adds nothing: a re-upload files nothing twice. */
  private static boolean sameAsLatest(ProgressReport report, ProgressReportRequest r) {
    if (report == null) {
      return false;
    }
    Revision now = report.current();
    String reason =
        r.siteState() == SiteState.SUSPENDED && r.suspensionReason() != null
            ? r.suspensionReason().strip()
            : null;
    return now.investmentCompleted().compareTo(r.investmentCompleted()) == 0
        && now.physicalProgressPercent().compareTo(r.physicalProgressPercent()) == 0
        && now.workersOnSite() == r.workersOnSite()
        && now.siteState() == r.siteState()
        && Objects.equals(now.suspensionReason(), reason)
        && Objects.equals(blankToNull(now.note()), blankToNull(r.note()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void failOn(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new BadRequestException("The workbook has invalid rows; no report was filed", problems);
    }
  }
}
