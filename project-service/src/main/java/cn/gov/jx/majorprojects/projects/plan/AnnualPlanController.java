package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.AnnualPlan.Milestone;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.projects.warning.ProjectInputsChanged;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annual plans: set by whoever keeps the registry (admin, manager in scope), read by all in scope.
 */
@RestController
@RequestMapping("/api/projects/{id}/plans/{year}")
class AnnualPlanController {

  private final ProjectService projects;
  private final AnnualPlanRepository plans;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AnnualPlanController(
      ProjectService projects,
      AnnualPlanRepository plans,
      Clock clock,
      ApplicationEventPublisher events) {
    this.projects = projects;
    this.plans = plans;
    this.clock = clock;
    this.events = events;
  }

  record AnnualPlanView(
      String projectId,
      int year,
      BigDecimal plannedInvestment,
      List<Milestone> milestones,
      Long version) {
    static AnnualPlanView of(AnnualPlan p) {
      return new AnnualPlanView(
          p.projectId(), p.year(), p.plannedInvestment(), p.milestones(), p.version());
    }
  }

  @GetMapping
  AnnualPlanView get(PlatformUser user, @PathVariable String id, @PathVariable int year) {
    Project project = projects.get(user, id);
    return plans
        .findById(AnnualPlan.idOf(project.getId(), year))
        .map(AnnualPlanView::of)
        .orElseThrow(() -> new NotFoundException("Plan", id + "/" + year));
  }

  @PutMapping
  AnnualPlanView put(
      PlatformUser user,
      @PathVariable String id,
      @PathVariable int year,
      @Valid @RequestBody AnnualPlanRequest request) {
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
    return AnnualPlanView.of(saved);
  }
}
