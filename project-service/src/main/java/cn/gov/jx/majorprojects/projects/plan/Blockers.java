package cn.gov.jx.majorprojects.projects.plan;

import cn.gov.jx.majorprojects.projects.plan.MilestoneRisks.Risk;
import cn.gov.jx.majorprojects.projects.project.ProjectInputsChanged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The blockers issue-service tells about (its outbox relay, one call per case change) and what they
 * hold up. A state is kept only when its sequence is newer than the one stored, so a redelivery or
 * a late older event changes nothing; a kept change recounts the project's figures (warning,
 * roll-ups) like any other input.
 */
@Component
public class Blockers {

  private final MongoTemplate mongo;
  private final BlockerRepository blockers;
  private final AnnualPlanRepository plans;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Blockers(
      MongoTemplate mongo,
      BlockerRepository blockers,
      AnnualPlanRepository plans,
      ApplicationEventPublisher events,
      Clock clock) {
    this.mongo = mongo;
    this.blockers = blockers;
    this.plans = plans;
    this.events = events;
    this.clock = clock;
  }

  /** Keeps the case's state if newer than the stored one; true when it was kept. */
  boolean record(Blocker state) {
    Update update =
        new Update()
            .set("projectId", state.projectId())
            .set("number", state.number())
            .set("sequence", state.sequence())
            .set("open", state.open())
            .set("milestoneIds", state.milestoneIds() == null ? List.of() : state.milestoneIds())
            .set("dueAt", state.dueAt());
    try {
      var result =
          mongo.upsert(
              Query.query(
                  Criteria.where("_id").is(state.caseId()).and("sequence").lt(state.sequence())),
              update,
              Blocker.class);
      if (result.getModifiedCount() == 0 && result.getUpsertedId() == null) {
        return false;
      }
    } catch (DuplicateKeyException e) {
      return false; // stored with this sequence or a newer one already
    }
    events.publishEvent(new ProjectInputsChanged(state.projectId(), "issue-service"));
    return true;
  }

  /** The held-up milestones of a plan, by milestone id. */
  Map<String, Risk> risks(AnnualPlan plan) {
    return MilestoneRisks.of(
        plan, blockers.findByProjectIdAndOpenTrue(plan.projectId()), LocalDate.now(clock));
  }

  /** A project's figures per year with a plan: the amount at risk (max) and held-up milestones. */
  public record YearRisk(BigDecimal investmentAtRisk, int milestonesHeldUp) {}

  /** This year's amount at risk of the project (0 when nothing is held up). */
  public BigDecimal thisYear(String projectId) {
    YearRisk risk = byYear(projectId).get(LocalDate.now(clock).getYear());
    return risk == null ? BigDecimal.ZERO.setScale(4) : risk.investmentAtRisk();
  }

  /** Per plan year of the project (only years with a held-up milestone). */
  public Map<Integer, YearRisk> byYear(String projectId) {
    List<Blocker> open = blockers.findByProjectIdAndOpenTrue(projectId);
    Map<Integer, YearRisk> out = new HashMap<>();
    if (open.isEmpty()) {
      return out;
    }
    LocalDate today = LocalDate.now(clock);
    for (AnnualPlan plan : plans.findByProjectId(projectId)) {
      Map<String, Risk> risks = MilestoneRisks.of(plan, open, today);
      if (!risks.isEmpty()) {
        out.put(plan.year(), new YearRisk(MilestoneRisks.max(risks), risks.size()));
      }
    }
    return out;
  }
}
