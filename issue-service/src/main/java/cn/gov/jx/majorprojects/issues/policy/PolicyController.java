package cn.gov.jx.majorprojects.issues.policy;

import cn.gov.jx.majorprojects.issues.policy.EscalationPolicy.ResolveDays;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/escalation-policy")
class PolicyController {

  private final PolicyService service;

  PolicyController(PolicyService service) {
    this.service = service;
  }

  record PolicyRequest(
      @NotNull Integer version,
      @NotNull Integer acceptWorkingDays,
      @NotEmpty Map<RegionLevel, ResolveDays> resolveWorkingDays) {}

  @GetMapping
  EscalationPolicy current() {
    return service.current();
  }

  @GetMapping("/versions/{version}")
  EscalationPolicy version(@PathVariable int version) {
    return service.version(version);
  }

  @PutMapping
  @PreAuthorize("hasRole('admin')")
  EscalationPolicy replace(@Valid @RequestBody PolicyRequest body, PlatformUser user) {
    return service.replace(
        body.version(), body.acceptWorkingDays(), body.resolveWorkingDays(), user.username());
  }
}
