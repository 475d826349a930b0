package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.projects.excel.ExcelSheets.SheetRow;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Excel import: every row is checked as {@code POST /api/projects} would check it (plus codes
 * repeated inside the file) before the first one is stored; any problem refuses the whole file.
 */
@Service
class ProjectImport {

  static final int MAX_ROWS = 10_000;

  private final ProjectService projects;
  private final Validator validator;

  ProjectImport(ProjectService projects, Validator validator) {
    this.projects = projects;
    this.validator = validator;
  }

  List<Project> importSheet(PlatformUser user, InputStream in) {
    if (!user.hasAny(PlatformRole.ADMIN, PlatformRole.MANAGER)) {
      throw new AccessDeniedException("only admins and managers register projects");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<SheetRow> rows = ProjectExcel.read(in, MAX_ROWS, problems);
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new FieldProblem("file", "has no project rows"));
    }
    failOn(problems);
    List<ProjectRequest> requests = new ArrayList<>();
    Map<String, Integer> firstRowOfCode = new HashMap<>();
    for (SheetRow row : rows) {
      List<FieldProblem> own = new ArrayList<>();
      ProjectRequest request = requestOf(row.values(), own);
      if (own.isEmpty()) {
        Set<ConstraintViolation<ProjectRequest>> violations = validator.validate(request);
        violations.stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .forEach(
                v -> own.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
      }
      if (own.isEmpty()) {
        own.addAll(projects.problemsOf(user, request));
        Integer earlier = firstRowOfCode.putIfAbsent(request.code(), row.number());
        if (earlier != null) {
          own.add(new FieldProblem("code", "repeats row " + earlier));
        }
      }
      own.forEach(
          p ->
              problems.add(
                  new FieldProblem("row " + row.number() + ": " + p.field(), p.message())));
      requests.add(request);
    }
    failOn(problems);
    // all rows passed; a code registered by someone else meanwhile still answers 409 for its row
    return requests.stream().map(r -> projects.create(user, r)).toList();
  }

  private static ProjectRequest requestOf(Map<String, Object> v, List<FieldProblem> problems) {
    return new ProjectRequest(
        ExcelSheets.string(v.get("code")),
        ExcelSheets.string(v.get("name")),
        ExcelSheets.enumOf(ProjectLevel.class, v.get("level"), "level", problems),
        ExcelSheets.string(v.get("regionCode")),
        ExcelSheets.enumOf(Industry.class, v.get("industry"), "industry", problems),
        ExcelSheets.string(v.get("ownerOrg")),
        ExcelSheets.string(v.get("ownerOrgName")),
        ExcelSheets.decimal(v.get("totalInvestment"), "totalInvestment", problems),
        ExcelSheets.date(v.get("plannedStart"), "plannedStart", problems),
        ExcelSheets.date(v.get("plannedFinish"), "plannedFinish", problems),
        ExcelSheets.enumOf(ProjectStatus.class, v.get("status"), "status", problems),
        ExcelSheets.string(v.get("description")));
  }

  private static void failOn(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new BadRequestException(
          "The workbook has invalid rows; nothing was imported", problems);
    }
  }
}
