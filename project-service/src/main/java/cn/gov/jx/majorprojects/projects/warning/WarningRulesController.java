package cn.gov.jx.majorprojects.projects.warning;

import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The warning thresholds: everyone signed in may read them, only an admin changes them. */
@RestController
@RequestMapping("/api/warning-rules")
class WarningRulesController {

  private final WarningService service;

  WarningRulesController(WarningService service) {
    this.service = service;
  }

  @GetMapping
  WarningRules get() {
    return service.rules();
  }

  /** What {@code PUT} would do to the lights, without storing anything. */
  @PostMapping("/preview")
  WarningService.RulesPreview preview(
      PlatformUser user, @Valid @RequestBody WarningRules candidate) {
    if (!user.has(PlatformRole.ADMIN)) {
      throw new AccessDeniedException("only an admin previews warning rules");
    }
    return service.preview(candidate);
  }

  @PutMapping
  WarningRules put(PlatformUser user, @Valid @RequestBody WarningRules rules) {
    if (!user.has(PlatformRole.ADMIN)) {
      throw new AccessDeniedException("only an admin changes warning rules");
    }
    WarningRules saved = service.saveRules(rules);
    service.recomputeAll();
    return saved;
  }
}
