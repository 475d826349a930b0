package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.support.web.BadRequestException;
import cn.gov.jx.majorprojects.support.web.NotFoundException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contract 1: project facts for other services (client-credentials tokens only, see security). */
@RestController
@RequestMapping("/internal/projects")
class InternalProjectController {

  static final int MAX_IDS = 200;

  private final ProjectService service;

  InternalProjectController(ProjectService service) {
    this.service = service;
  }

  @GetMapping("/{id}")
  InternalProjectView one(@PathVariable String id) {
    return service
        .findForService(id)
        .map(InternalProjectView::of)
        .orElseThrow(() -> new NotFoundException("Project", id));
  }

  /** The projects of one owner organisation (issue-service's demo cases find theirs so). */
  @GetMapping(params = "ownerOrg")
  List<InternalProjectView> ofOwner(@RequestParam String ownerOrg) {
    return service.findByOwnerOrgForService(ownerOrg).stream()
        .map(InternalProjectView::of)
        .toList();
  }

  @GetMapping
  List<InternalProjectView> some(@RequestParam String ids) {
    List<String> wanted =
        Arrays.stream(ids.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (wanted.size() > MAX_IDS) {
      throw BadRequestException.field("ids", "at most " + MAX_IDS + " ids");
    }
    return service.findAllForService(wanted).stream().map(InternalProjectView::of).toList();
  }
}
