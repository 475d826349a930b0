package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For issue-service (client-credentials tokens only): the milestones a blocker may name, and the
 * blocker states its outbox relay delivers.
 */
@RestController
@RequestMapping("/internal/projects/{id}")
class InternalMilestoneController {

  private final ProjectService projects;
  private final AnnualPlanRepository plans;
  private final Blockers blockers;
  private final Clock clock;

  InternalMilestoneController(
      ProjectService projects, AnnualPlanRepository plans, Blockers blockers, Clock clock) {
    this.projects = projects;
    this.plans = plans;
    this.blockers = blockers;
    this.clock = clock;
  }

  record MilestoneRef(String id, String name, LocalDate plannedDate, boolean done) {}

  record Milestones(String projectId, int year, List<MilestoneRef> milestones) {}

  /** One case's state after a change: its timeline {@code sequence} orders the deliveries. */
  record BlockerState(
      @NotBlank @Size(max = 64) String caseId,
      @NotBlank @Size(max = 64) String number,
      @NotNull @PositiveOrZero Long sequence,
      boolean open,
      @Size(max = 20) List<@NotBlank @Size(max = 40) String> milestoneIds,
      Instant dueAt) {}

  /** The year's (default: this year's) milestones; none without a plan; 404 for no project. */
  @GetMapping("/milestones")
  Milestones milestones(@PathVariable String id, @RequestParam(required = false) Integer year) {
    Project project =
        projects.findForService(id).orElseThrow(() -> new NotFoundException("Project", id));
    int y = year == null ? LocalDate.now(clock).getYear() : year;
    List<MilestoneRef> refs =
        plans
            .findById(AnnualPlan.idOf(project.getId(), y))
            .map(AnnualPlan::milestonesWithIds)
            .orElse(List.of())
            .stream()
            .map(m -> new MilestoneRef(m.id(), m.name(), m.plannedDate(), m.actualDate() != null))
            .toList();
    return new Milestones(project.getId(), y, refs);
  }

  /** Idempotent: the same or an older sequence again changes nothing (204 either way). */
  @PostMapping("/blockers")
  ResponseEntity<Void> blocker(@PathVariable String id, @Valid @RequestBody BlockerState body) {
    Project project =
        projects.findForService(id).orElseThrow(() -> new NotFoundException("Project", id));
    blockers.record(
        new Blocker(
            body.caseId(),
            project.getId(),
            body.number(),
            body.sequence(),
            body.open(),
            body.milestoneIds() == null ? List.of() : body.milestoneIds(),
            body.dueAt()));
    return ResponseEntity.noContent().build();
  }
}
