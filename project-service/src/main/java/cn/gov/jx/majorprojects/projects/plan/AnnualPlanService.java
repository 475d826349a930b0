package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.AnnualPlan.Milestone;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectInputsChanged;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Setting a project's plan for a year; the warning and the roll-ups follow the change. */
@Service
public class AnnualPlanService {

  private final ProjectService projects;
  private final AnnualPlanRepository plans;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AnnualPlanService(
      ProjectService projects,
      AnnualPlanRepository plans,
      Clock clock,
      ApplicationEventPublisher events) {
    this.projects = projects;
    this.plans = plans;
    this.clock = clock;
    this.events = events;
  }

  public AnnualPlan put(PlatformUser user, String id, int year, AnnualPlanRequest request) {
    if (year < 2000 || year > 2100) {
      throw BadRequestException.field("year", "must be between 2000 and 2100");
    }
    Project project = projects.getWritable(user, id);
    String planId = AnnualPlan.idOf(project.getId(), year);
    Long version = plans.findById(planId).map(AnnualPlan::version).orElse(null);
    List<Milestone> milestones =
        request.milestones() == null
            ? List.of()
            : request.milestones().stream()
                .map(m -> new Milestone(m.name().strip(), m.plannedDate(), m.actualDate()))
                .toList();
    AnnualPlan saved =
        plans.save(
            new AnnualPlan(
                planId,
                project.getId(),
                year,
                request.plannedInvestment(),
                milestones,
                user.username(),
                clock.instant(),
                version));
    events.publishEvent(new ProjectInputsChanged(project.getId(), user.username()));
    return saved;
  }
}
