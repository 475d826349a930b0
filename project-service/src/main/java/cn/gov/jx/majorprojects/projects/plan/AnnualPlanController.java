package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

  private final Clock clock;

  AnnualPlanController(
      ProjectService projects, AnnualPlanRepository plans, AnnualPlanService service, Clock clock) {
    this.projects = projects;
    this.plans = plans;
    this.service = service;
    this.clock = clock;
  }

  record AnnualPlanView(
      String projectId,
      int year,
      BigDecimal plannedInvestment,
      List<MilestoneView> milestones,
      Long version) {}

  /** A milestone with {@code slipDays}: calendar days past its planned date (0 on time). */
  record MilestoneView(
      String id,
      String name,
      LocalDate plannedDate,
      LocalDate actualDate,
      boolean done,
      long slipDays) {}

  /** Body of the milestone-done action. */
  record MilestoneDone(@NotNull LocalDate actualDate) {}

  private AnnualPlanView view(AnnualPlan p) {
    LocalDate today = LocalDate.now(clock);
    return new AnnualPlanView(
        p.projectId(),
        p.year(),
        p.plannedInvestment(),
        p.milestonesWithIds().stream()
            .map(
                m ->
                    new MilestoneView(
                        m.id(),
                        m.name(),
                        m.plannedDate(),
                        m.actualDate(),
                        m.actualDate() != null,
                        m.slipDays(today)))
            .toList(),
        p.version());
  }

  @GetMapping
  AnnualPlanView get(PlatformUser user, @PathVariable String id, @PathVariable int year) {
    Project project = projects.get(user, id);
    return plans
        .findById(AnnualPlan.idOf(project.getId(), year))
        .map(this::view)
        .orElseThrow(() -> new NotFoundException("Plan", id + "/" + year));
  }

  @PutMapping
  AnnualPlanView put(
      PlatformUser user,
      @PathVariable String id,
      @PathVariable int year,
      @Valid @RequestBody AnnualPlanRequest request) {
    return view(service.put(user, id, year, request));
  }

  @PostMapping("/milestones/{milestoneId}/done")
  AnnualPlanView done(
      PlatformUser user,
      @PathVariable String id,
      @PathVariable int year,
      @PathVariable String milestoneId,
      @Valid @RequestBody MilestoneDone body) {
    return view(service.markDone(user, id, year, milestoneId, body.actualDate()));
  }
}
