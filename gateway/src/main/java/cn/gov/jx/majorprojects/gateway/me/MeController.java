package cn.gov.jx.majorprojects.gateway.me;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import cn.gov.jx.majorprojects.support.security.PlatformRole;
import cn.gov.jx.majorprojects.support.security.PlatformUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the caller's profile, answered by the gateway from the token. */
@RestController
class MeController {

  private final RegionTree regions;

  MeController(RegionTree regions) {
    this.regions = regions;
  }

  @GetMapping("/api/me")
  Me me(@AuthenticationPrincipal Jwt jwt) {
    PlatformUser user = PlatformUser.from(jwt);
    RegionRef region =
        user.region() == null
            ? null
            : regions
                .find(user.region())
                .map(r -> new RegionRef(r.code(), r.name(), r.level()))
                .orElseGet(() -> new RegionRef(user.region(), null, user.level()));
    return new Me(
        user.username(),
        user.displayName(),
        user.roles().stream().map(PlatformRole::realmName).sorted().toList(),
        region,
        user.org());
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Me(
      String username, String displayName, List<String> roles, RegionRef region, String org) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RegionRef(String code, String name, RegionLevel level) {}
}
