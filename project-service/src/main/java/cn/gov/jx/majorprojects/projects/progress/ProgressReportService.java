package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.progress.ProgressReport.Revision;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectInputsChanged;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Monthly reports by the owner organisation: the first submission fixes lateness for good. */
@Service
public class ProgressReportService {

  /** Reports are due by this day of the following month. */
  static final int DUE_DAY = 5;

  private final ProjectService projects;
  private final ProgressReportRepository reports;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ProgressReportService(
      ProjectService projects,
      ProgressReportRepository reports,
      Clock clock,
      ApplicationEventPublisher events) {
    this.projects = projects;
    this.reports = reports;
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

  /** Late when first submitted after the due day of the next month, in the service's zone. */
  static boolean isLate(YearMonth period, Instant submitted, ZoneId zone) {
    LocalDate due = period.plusMonths(1).atDay(DUE_DAY);
    return LocalDate.ofInstant(submitted, zone).isAfter(due);
  }

  public ProgressReport submit(
      PlatformUser user, String projectId, String period, ProgressReportRequest request) {
    YearMonth month = parsePeriod(period);
    if (month.isAfter(YearMonth.now(clock))) {
      throw BadRequestException.field("period", "must not be in the future");
    }
    if (request.siteState() == SiteState.SUSPENDED
        && (request.suspensionReason() == null || request.suspensionReason().isBlank())) {
      throw BadRequestException.field("suspensionReason", "is required when the site is SUSPENDED");
    }
    Project project = projects.get(user, projectId);
    if (!user.has(PlatformRole.OWNER) || !project.getOwnerOrg().equals(user.org())) {
      throw new AccessDeniedException("only the owner organisation reports progress");
    }
    Instant now = clock.instant();
    ProgressReport report =
        reports
            .findById(ProgressReport.idOf(project.getId(), period))
            .orElseGet(
                () -> {
                  ProgressReport fresh = new ProgressReport();
                  fresh.id = ProgressReport.idOf(project.getId(), period);
                  fresh.projectId = project.getId();
                  fresh.period = period;
                  fresh.firstSubmittedAt = now;
                  fresh.late = isLate(month, now, clock.getZone());
                  return fresh;
                });
    report.revision = report.revisions.size() + 1;
    report.revisions.add(
        new Revision(
            report.revision,
            request.investmentCompleted(),
            request.physicalProgressPercent(),
            request.workersOnSite(),
            request.siteState(),
            request.siteState() == SiteState.SUSPENDED ? request.suspensionReason().strip() : null,
            request.note(),
            user.username(),
            now));
    ProgressReport saved = report.version == null ? reports.insert(report) : reports.save(report);
    events.publishEvent(new ProjectInputsChanged(project.getId(), user.username()));
    return saved;
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
