package cn.gov.jx.majorprojects.issues.client.project;

import feign.FeignException;
import java.util.List;
import java.util.Optional;
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

  public Optional<ProjectView> find(String id) {
    try {
      return Optional.ofNullable(client.project(id));
    } catch (FeignException.NotFound e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // down, timing out, or our token refused: the caller can retry later
      log.warn("project-service lookup of {} failed: {}", id, e.toString());
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "project-service is not answering; try again shortly");
    }
  }
}
