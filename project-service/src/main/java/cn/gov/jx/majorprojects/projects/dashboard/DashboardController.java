package cn.gov.jx.majorprojects.projects.dashboard;

import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The region dashboard, read from roll-ups kept on write. */
@RestController
class DashboardController {

  private final DashboardService service;
  private final DashboardRollups rollups;

  DashboardController(DashboardService service, DashboardRollups rollups) {
    this.service = service;
    this.rollups = rollups;
  }

  @GetMapping("/api/dashboard")
  DashboardView dashboard(
      PlatformUser user,
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) Integer year) {
    return service.dashboard(user, regionCode, year);
  }

  /** Repair tool for an admin: recounts every roll-up from the stored projects. */
  @PostMapping("/api/dashboard/rebuild")
  Map<String, Integer> rebuild(PlatformUser user) {
    if (!user.has(PlatformRole.ADMIN)) {
      throw new AccessDeniedException("only an admin rebuilds the roll-ups");
    }
    return Map.of("projects", rollups.rebuild());
  }
}
