package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.MilestoneRisks.Risk;
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
import java.util.Map;
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
  private final Blockers blockers;

  private final Clock clock;

  AnnualPlanController(
      ProjectService projects,
      AnnualPlanRepository plans,
      AnnualPlanService service,
      Blockers blockers,
      Clock clock) {
    this.projects = projects;
    this.plans = plans;
    this.service = service;
    this.blockers = blockers;
    this.clock = clock;
  }

  record AnnualPlanView(
      String projectId,
      int year,
      BigDecimal plannedInvestment,
      BigDecimal investmentAtRisk,
      List<MilestoneView> milestones,
      Long version) {}

  /**
   * A milestone with {@code slipDays}: calendar days past its planned date (0 on time) or, while
   * open blockers hold it up before that date, the projected slip to their latest deadline ({@code
   * slipProjected}); {@code blockers}: the numbers of the open cases holding it up; {@code
   * investmentAtRisk}: see {@link MilestoneRisks} (0 when nothing holds it up).
   */
  record MilestoneView(
      String id,
      String name,
      LocalDate plannedDate,
      LocalDate actualDate,
      boolean done,
      long slipDays,
      boolean slipProjected,
      List<String> blockers,
      BigDecimal investmentAtRisk) {}

  /** Body of the milestone-done action. */
  record MilestoneDone(@NotNull LocalDate actualDate) {}

  private AnnualPlanView view(AnnualPlan p) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Risk> risks = blockers.risks(p);
    BigDecimal none = BigDecimal.ZERO.setScale(4);
    return new AnnualPlanView(
        p.projectId(),
        p.year(),
        p.plannedInvestment(),
        MilestoneRisks.max(risks),
        p.milestonesWithIds().stream()
            .map(
                m -> {
                  Risk risk = risks.get(m.id());
                  return new MilestoneView(
                      m.id(),
                      m.name(),
                      m.plannedDate(),
                      m.actualDate(),
                      m.actualDate() != null,
                      risk == null ? m.slipDays(today) : risk.slipDays(),
                      risk != null && risk.projected(),
                      risk == null ? List.of() : risk.blockers(),
                      risk == null ? none : risk.investmentAtRisk());
                })
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
