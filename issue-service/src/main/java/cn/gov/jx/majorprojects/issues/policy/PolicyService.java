package cn.gov.jx.majorprojects.issues.policy;

import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.ResolveDays;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.ConflictException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The current deadline policy and every earlier version (cases keep theirs). */
@Service
public class PolicyService {

  private final PolicyRepository repository;
  private final MongoTemplate mongo;
  private final Clock clock;

  PolicyService(PolicyRepository repository, MongoTemplate mongo, Clock clock) {
    this.repository = repository;
    this.mongo = mongo;
    this.clock = clock;
  }

  /** The newest stored version, or the built-in defaults (version 1) when none was stored. */
  public EscalationPolicy current() {
    return repository
        .findFirstByOrderByVersionDesc()
        .map(PolicyDocument::toPolicy)
        .orElseGet(EscalationPolicy::defaults);
  }

  public EscalationPolicy version(int version) {
    return repository
        .findById(version)
        .map(PolicyDocument::toPolicy)
        .orElseGet(
            () -> {
              if (version == 1) {
                return EscalationPolicy.defaults();
              }
              throw new NotFoundException("Escalation policy version", version);
            });
  }

  /** Stores a new version; {@code expectedVersion} must be the current one (else 409). */
  EscalationPolicy replace(
      int expectedVersion,
      int acceptWorkingDays,
      Map<RegionLevel, ResolveDays> resolveWorkingDays,
      String by) {
    EscalationPolicy current = current();
    if (expectedVersion != current.version()) {
      throw new ConflictException(
          "The policy is now at version "
              + current.version()
              + ", not "
              + expectedVersion
              + "; reload it and try again");
    }
    EscalationPolicy next =
        new EscalationPolicy(current.version() + 1, acceptWorkingDays, resolveWorkingDays);
    List<FieldProblem> problems = next.problems();
    if (!problems.isEmpty()) {
      throw new BadRequestException("The policy has invalid fields", problems);
    }
    // insert, never save: a concurrent writer of the same version gets a duplicate key (409)
    mongo.insert(PolicyDocument.of(next, clock.instant(), by));
    return next;
  }
}
