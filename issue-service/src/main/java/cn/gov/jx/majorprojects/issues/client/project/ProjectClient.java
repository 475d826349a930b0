package cn.gov.jx.majorprojects.issues.client.project;

import cn.gov.jx.majorprojects.support.client.ServiceTokenFeignConfiguration;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@FeignClient(
    name = "project-service",
    url = "${issues.project-service-url}",
    configuration = ServiceTokenFeignConfiguration.class)
interface ProjectClient {

  @GetMapping("/internal/projects/{id}")
  ProjectView project(@PathVariable("id") String id);

  @GetMapping("/internal/projects")
  List<ProjectView> ofOwner(@RequestParam("ownerOrg") String ownerOrg);

  @GetMapping("/internal/projects")
  List<ProjectView> projects(@RequestParam("ids") String commaSeparatedIds);

  /** The milestones of the project's plan of this year (none without a plan). */
  @GetMapping("/internal/projects/{id}/milestones")
  ProjectMilestones milestones(@PathVariable("id") String id);

  /** A blocker's state after a change; idempotent there by the case's timeline sequence. */
  @PostMapping("/internal/projects/{id}/blockers")
  void blocker(@PathVariable("id") String id, @RequestBody BlockerState state);
}
