package cn.gov.jx.majorprojects.support.security;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as the platform sees it: who, with which roles, for which region and organisation.
 * Built from a Keycloak access token.
 */
public record PlatformUser(
    String username, String displayName, Set<PlatformRole> roles, String region, String org) {

  public PlatformUser {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public static PlatformUser from(Jwt jwt) {
    String username = jwt.getClaimAsString("preferred_username");
    if (username == null) {
      username = jwt.getSubject();
    }
    String name = jwt.getClaimAsString("name");
    return new PlatformUser(
        username,
        name == null || name.isBlank() ? username : name,
        rolesOf(jwt),
        jwt.getClaimAsString("region"),
        jwt.getClaimAsString("org"));
  }

  static Set<PlatformRole> rolesOf(Jwt jwt) {
    Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
    for (String name : realmRoleNames(jwt)) {
      PlatformRole.fromRealmName(name).ifPresent(roles::add);
    }
    return roles;
  }

  /** Every name under {@code realm_access.roles}, including Keycloak's own default roles. */
  public static List<String> realmRoleNames(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> names) {
      return names.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  public boolean has(PlatformRole role) {
    return roles.contains(role);
  }

  public boolean hasAny(PlatformRole... wanted) {
    for (PlatformRole role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** The level of the caller's own region, or null when the token carries none. */
  public RegionLevel level() {
    return RegionTree.isWellFormed(region) ? RegionLevel.ofCode(region) : null;
  }
}
