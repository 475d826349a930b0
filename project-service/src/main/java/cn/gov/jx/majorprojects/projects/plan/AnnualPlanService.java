package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.AnnualPlan.Milestone;
import cn.gov.jx.majorprojects.projects.plan.AnnualPlanRequest.MilestoneRequest;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.projects.project.ProjectInputsChanged;
import cn.gov.jx.majorprojects.projects.project.ProjectService;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
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
    Optional<AnnualPlan> stored = plans.findById(planId);
    Long version = stored.map(AnnualPlan::version).orElse(null);
    List<Milestone> before = stored.map(AnnualPlan::milestonesWithIds).orElse(List.of());
    List<Milestone> milestones = new ArrayList<>();
    if (request.milestones() != null) {
      Set<String> used = new HashSet<>();
      for (MilestoneRequest m : request.milestones()) {
        String name = m.name().strip();
        String milestoneId =
            before.stream()
                .filter(b -> b.id().equals(m.id()) || (m.id() == null && b.name().equals(name)))
                .map(Milestone::id)
                .filter(used::add)
                .findFirst()
                .orElseGet(AnnualPlanService::newMilestoneId);
        used.add(milestoneId);
        milestones.add(new Milestone(milestoneId, name, m.plannedDate(), m.actualDate()));
      }
    }
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

  private static String newMilestoneId() {
    return "ms-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The owner organisation marks a milestone done on {@code actualDate} (not in the future; a
   * second call corrects the date). 404 for an unknown plan or milestone, 403 for anyone but the
   * owner.
   */
  AnnualPlan markDone(
      PlatformUser user, String id, int year, String milestoneId, LocalDate actualDate) {
    Project project = projects.get(user, id);
    AnnualPlan plan =
        plans
            .findById(AnnualPlan.idOf(project.getId(), year))
            .orElseThrow(() -> new NotFoundException("Plan", id + "/" + year));
    List<Milestone> milestones = new ArrayList<>(plan.milestonesWithIds());
    int index = -1;
    for (int i = 0; i < milestones.size(); i++) {
      if (milestones.get(i).id().equals(milestoneId)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new NotFoundException("Milestone", milestoneId);
    }
    if (!user.has(PlatformRole.OWNER) || !project.getOwnerOrg().equals(user.org())) {
      throw new AccessDeniedException("only the owner organisation marks milestones done");
    }
    if (actualDate == null) {
      throw BadRequestException.field("actualDate", "is required");
    }
    if (actualDate.isAfter(LocalDate.now(clock))) {
      throw BadRequestException.field("actualDate", "must not be in the future");
    }
    Milestone m = milestones.get(index);
    milestones.set(index, new Milestone(m.id(), m.name(), m.plannedDate(), actualDate));
    // saved with the plan's version: a concurrent change is a 409, never lost
    AnnualPlan saved =
        plans.save(
            new AnnualPlan(
                plan.id(),
                plan.projectId(),
                plan.year(),
                plan.plannedInvestment(),
                milestones,
                user.username(),
                clock.instant(),
                plan.version()));
    // a milestone done is no longer held up: the figures at risk follow
    events.publishEvent(new ProjectInputsChanged(project.getId(), user.username()));
    return saved;
  }
}
