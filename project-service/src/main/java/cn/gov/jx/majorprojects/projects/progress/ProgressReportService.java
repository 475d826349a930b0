package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.outbox.ProjectEvents;
import cn.gov.jx.majorprojects.projects.progress.ProgressReport.Revision;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectInputsChanged;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.projects.project.Warning;
import cn.gov.jx.majorprojects.projects.warning.ProjectFiguresChanged;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Monthly reports by the owner organisation: the first submission fixes lateness for good; a
 * coordinator or manager may return a filed report for correction, which the next revision clears.
 */
@Service
public class ProgressReportService {

  /** Reports are due by this day of the following month. */
  static final int DUE_DAY = 5;

  static final String COLLECTION = "progress_reports";

  private final ProjectService projects;
  private final ProgressReportRepository reports;
  private final MongoTemplate mongo;
  private final ReportChase chase;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ProgressReportService(
      ProjectService projects,
      ProgressReportRepository reports,
      MongoTemplate mongo,
      ReportChase chase,
      Clock clock,
      ApplicationEventPublisher events) {
    this.projects = projects;
    this.reports = reports;
    this.mongo = mongo;
    this.chase = chase;
    this.clock = clock;
    this.events = events;
  }

  static YearMonth parsePeriod(String period) {
    if (period == null || !period.matches("\\d{4}-\\d{2}")) {
      throw BadRequestException.field("period", "must be YYYY-MM");
    }
    try {
      return YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      throw BadRequestException.field("period", "must be YYYY-MM");
    }
  }

  /** A month a report may be filed for: YYYY-MM, not in the future. */
  YearMonth reportablePeriod(String period) {
    YearMonth month = parsePeriod(period);
    if (month.isAfter(YearMonth.now(clock))) {
      throw BadRequestException.field("period", "must not be in the future");
    }
    return month;
  }

  /** Late when first submitted after the due day of the next month, in the service's zone. */
  static boolean isLate(YearMonth period, Instant submitted, ZoneId zone) {
    LocalDate due = period.plusMonths(1).atDay(DUE_DAY);
    return LocalDate.ofInstant(submitted, zone).isAfter(due);
  }

  /**
   * The report rules beyond the field constraints of {@link ProgressReportRequest}: what the PUT
   * and every row of an Excel import are both checked against.
   */
  static List<FieldProblem> problemsOf(ProgressReportRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.siteState() == SiteState.SUSPENDED
        && (request.suspensionReason() == null || request.suspensionReason().isBlank())) {
      problems.add(new FieldProblem("suspensionReason", "is required when the site is SUSPENDED"));
    }
    return problems;
  }

  /** Whether the caller files this project's reports: an owner of the project's organisation. */
  static boolean files(PlatformUser user, Project project) {
    return user.has(PlatformRole.OWNER) && project.getOwnerOrg().equals(user.org());
  }

  public ProgressReport submit(
      PlatformUser user, String projectId, String period, ProgressReportRequest request) {
    YearMonth month = reportablePeriod(period);
    List<FieldProblem> problems = problemsOf(request);
    if (!problems.isEmpty()) {
      throw new BadRequestException("The report has invalid fields", problems);
    }
    Project project = projects.get(user, projectId);
    if (!files(user, project)) {
      throw new AccessDeniedException("only the owner organisation reports progress");
    }
    Instant now = clock.instant();
    String id = ProgressReport.idOf(project.getId(), period);
    ProgressReport existing = reports.findById(id).orElse(null);
    int number = existing == null ? 1 : existing.revisions.size() + 1;
    Revision revision =
        new Revision(
            number,
            request.investmentCompleted(),
            request.physicalProgressPercent(),
            request.workersOnSite(),
            request.siteState(),
            request.siteState() == SiteState.SUSPENDED ? request.suspensionReason().strip() : null,
            request.note(),
            user.username(),
            now,
            existing == null ? null : existing.correctionRequested);
    if (existing == null) {
      ProgressReport fresh = new ProgressReport();
      fresh.id = id;
      fresh.projectId = project.getId();
      fresh.period = period;
      fresh.firstSubmittedAt = now;
      fresh.late = isLate(month, now, clock.getZone());
      fresh.revision = 1;
      fresh.revisions.add(revision);
      reports.insert(fresh); // a concurrent first filing hits the unique id: 409
    } else {
      // targeted: the outbox and relay fields on the document are left alone
      Update update =
          new Update()
              .set("revision", number)
              .push("revisions", stored(revision))
              .unset("correctionRequested")
              .inc("version", 1);
      guarded(existing, update);
    }
    chase.filed(project.getId(), period);
    events.publishEvent(new ProjectInputsChanged(project.getId(), user.username()));
    return reports.findById(id).orElseThrow();
  }

  /**
   * Returns a filed report to its owner for correction: coordinators and managers whose region
   * covers the project; one pending return at a time (409 while one waits for a new revision).
   */
  ProgressReport returnForCorrection(
      PlatformUser user, String projectId, String period, String reason) {
    parsePeriod(period);
    Project project = projects.get(user, projectId);
    ProgressReport report =
        reports
            .findById(ProgressReport.idOf(project.getId(), period))
            .orElseThrow(() -> new NotFoundException("Progress report", projectId + "/" + period));
    // a coordinator or manager who sees the project is one of its region or above
    if (!user.hasAny(PlatformRole.COORDINATOR, PlatformRole.MANAGER)) {
      throw new AccessDeniedException("only coordinators and managers return reports");
    }
    if (report.correctionRequested != null) {
      throw new ConflictException(
          "The report was already returned for correction and awaits a new revision");
    }
    Instant now = clock.instant();
    CorrectionRequest request = new CorrectionRequest(reason.strip(), user.username(), now);
    Warning warning = project.getWarning() == null ? Warning.green() : project.getWarning();
    Document details =
        new Document("period", period)
            .append("revision", report.revision)
            .append("reason", request.reason());
    Update update =
        new Update()
            .set("correctionRequested", stored(request))
            .inc("version", 1)
            .push(
                "outbox",
                ProjectEvents.of(
                    "REPORT_RETURNED", 0, project, warning, user.username(), details, now));
    guarded(report, update);
    events.publishEvent(new ProjectFiguresChanged(project.getId()));
    return reports.findById(report.id).orElseThrow();
  }

  /** A nested value as the mapping stores it (Decimal128 amounts), without a type hint. */
  private Document stored(Object value) {
    Document out = new Document();
    mongo.getConverter().write(value, out);
    out.remove("_class");
    return out;
  }

  /** Applies a change only to the version read; another change meanwhile is a 409. */
  private void guarded(ProgressReport read, Update update) {
    Query same = Query.query(Criteria.where("_id").is(read.id).and("version").is(read.version));
    if (mongo.updateFirst(same, update, COLLECTION).getMatchedCount() == 0) {
      throw new OptimisticLockingFailureException("the report changed meanwhile; reload it");
    }
  }

  ProgressReport one(PlatformUser user, String projectId, String period) {
    parsePeriod(period);
    Project project = projects.get(user, projectId);
    return reports
        .findById(ProgressReport.idOf(project.getId(), period))
        .orElseThrow(() -> new NotFoundException("Progress report", projectId + "/" + period));
  }

  List<ProgressReport> all(PlatformUser user, String projectId) {
    Project project = projects.get(user, projectId);
    return reports.findByProjectIdOrderByPeriodDesc(project.getId());
  }

  /** Under-construction projects in scope with no report for the period. */
  List<Project> missing(PlatformUser user, String period, String regionCode) {
    parsePeriod(period);
    List<Project> building = projects.underConstruction(user, regionCode);
    Set<String> reported =
        reports
            .findByPeriodAndProjectIdIn(period, building.stream().map(Project::getId).toList())
            .stream()
            .map(r -> r.projectId)
            .collect(Collectors.toSet());
    return building.stream().filter(p -> !reported.contains(p.getId())).toList();
  }
}
