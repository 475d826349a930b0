package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.AnnualPlan.Milestone;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
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
  private final AnnualPlanService service;

  AnnualPlanController(
      ProjectService projects, AnnualPlanRepository plans, AnnualPlanService service) {
    this.projects = projects;
    this.plans = plans;
    this.service = service;
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
    return AnnualPlanView.of(service.put(user, id, year, request));
  }
}
