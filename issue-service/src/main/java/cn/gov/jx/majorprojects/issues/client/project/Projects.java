package cn.gov.jx.majorprojects.issues.client.project;

import cn.gov.jx.majorprojects.support.web.BadRequestException;
import feign.FeignException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** project-service as this service needs it: unknown is empty, unreachable is 503. */
@Component
public class Projects {

  private static final Logger log = LoggerFactory.getLogger(Projects.class);

  private final ProjectClient client;

  Projects(ProjectClient client) {
    this.client = client;
  }

  /** The projects of one owner organisation; fails while project-service does not answer. */
  public List<ProjectView> ofOwner(String ownerOrg) {
    return client.ofOwner(ownerOrg);
  }

  /** The ids of the milestones of the project's plan of this year; 503 when unreachable. */
  public Set<String> milestoneIds(String projectId) {
    try {
      ProjectMilestones answer = client.milestones(projectId);
      if (answer == null || answer.milestones() == null) {
        throw new IllegalStateException("an answer without milestones");
      }
      Set<String> ids = new HashSet<>();
      answer.milestones().forEach(m -> ids.add(m.id()));
      return ids;
    } catch (FeignException.NotFound e) {
      return Set.of();
    } catch (RuntimeException e) {
      log.warn("project-service milestones of {} failed: {}", projectId, e.toString());
      throw unavailable();
    }
  }

  /**
   * The ids of this year's milestones not done yet, earliest planned first (none without a plan);
   * fails while project-service does not answer.
   */
  public List<String> openMilestoneIds(String projectId) {
    try {
      ProjectMilestones answer = client.milestones(projectId);
      if (answer == null || answer.milestones() == null) {
        return List.of();
      }
      return answer.milestones().stream()
          .filter(m -> !m.done())
          .sorted(Comparator.comparing(ProjectMilestones.Milestone::plannedDate))
          .map(ProjectMilestones.Milestone::id)
          .toList();
    } catch (FeignException.NotFound e) {
      return List.of();
    }
  }

  /**
   * The ids given, without repeats, once all are milestones of the project's plan of this year (one
   * call; none given: no call); 400 naming {@code milestoneIds} otherwise.
   */
  public List<String> checkedMilestones(String projectId, List<String> ids) {
    List<String> wanted = ids == null ? List.of() : ids.stream().distinct().toList();
    if (wanted.isEmpty()) {
      return wanted;
    }
    Set<String> known = milestoneIds(projectId);
    List<String> unknown = wanted.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw BadRequestException.field(
          "milestoneIds", "not a milestone of this year's plan of the project: " + unknown);
    }
    return wanted;
  }

  /** Tells project-service a blocker's state; any failure is thrown (the relay retries). */
  public void tellBlocker(String projectId, BlockerState state) {
    client.blocker(projectId, state);
  }

  private static ResponseStatusException unavailable() {
    return new ResponseStatusException(
        HttpStatus.SERVICE_UNAVAILABLE, "project-service is not answering; try again shortly");
  }

  /**
   * The project, empty when project-service says it does not exist (404); 503 when it does not
   * answer, or answers 200 with something that is not this project (no body, another shape).
   */
  public Optional<ProjectView> find(String id) {
    try {
      ProjectView answer = client.project(id);
      if (answer == null || !answer.isAnswerAbout(id)) {
        throw new IllegalStateException("an answer that is not project " + id + ": " + answer);
      }
      return Optional.of(answer);
    } catch (FeignException.NotFound e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // down, timing out, or our token refused: the caller can retry later
      log.warn("project-service lookup of {} failed: {}", id, e.toString());
      throw unavailable();
    }
  }
}
