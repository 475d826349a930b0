package cn.gov.jx.majorprojects.support.security;

import java.util.Locale;
import java.util.Optional;

/** The realm roles of DESIGN.md; in Keycloak they are spelled in lower case. */
public enum PlatformRole {
  OWNER,
  COORDINATOR,
  MANAGER,
  ADMIN;

  /** The realm role name as Keycloak issues it, e.g. {@code coordinator}. */
  public String realmName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spring Security authority, e.g. {@code ROLE_coordinator}. */
  public String authority() {
    return "ROLE_" + realmName();
  }

  public static Optional<PlatformRole> fromRealmName(String name) {
    for (PlatformRole role : values()) {
      if (role.realmName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
