package cn.gov.jx.majorprojects.support.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import cn.gov.jx.majorprojects.support.security.JwtRules;
import java.util.List;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Tokens shaped like Keycloak's for MockMvc tests: the demo users of DESIGN.md and the like. */
public final class TestUsers {

  private TestUsers() {}

  public static JwtRequestPostProcessor user(String username, String role, String region) {
    return user(username, role, region, null);
  }

  public static JwtRequestPostProcessor user(
      String username, String role, String region, String org) {
    return jwt()
        .jwt(
            builder -> {
              builder
                  .subject(username)
                  .claim("preferred_username", username)
                  .claim("azp", "cli")
                  .claim("realm_access", Map.of("roles", List.of(role)));
              if (region != null) {
                builder.claim("region", region);
              }
              if (org != null) {
                builder.claim("org", org);
              }
            })
        .authorities(JwtRules::authorities);
  }

  /** A client-credentials token of the {@code services} client. */
  public static JwtRequestPostProcessor serviceClient() {
    return jwt()
        .jwt(
            builder ->
                builder
                    .subject("service-account")
                    .claim("preferred_username", "service-account-services")
                    .claim("azp", "services"))
        .authorities(JwtRules::authorities);
  }

  public static JwtRequestPostProcessor ownerHgt() {
    return user("owner.hgt", "owner", "360113", "org-nc-metro");
  }

  public static JwtRequestPostProcessor ownerZg() {
    return user("owner.zg", "owner", "360702", "org-gz-energy");
  }

  public static JwtRequestPostProcessor coordHgt() {
    return user("coord.hgt", "coordinator", "360113");
  }

  public static JwtRequestPostProcessor coordNc() {
    return user("coord.nc", "coordinator", "360100");
  }

  public static JwtRequestPostProcessor coordZg() {
    return user("coord.zg", "coordinator", "360702");
  }

  public static JwtRequestPostProcessor coordGz() {
    return user("coord.gz", "coordinator", "360700");
  }

  public static JwtRequestPostProcessor coordJx() {
    return user("coord.jx", "coordinator", "360000");
  }

  public static JwtRequestPostProcessor managerNc() {
    return user("manager.nc", "manager", "360100");
  }

  public static JwtRequestPostProcessor managerJx() {
    return user("manager.jx", "manager", "360000");
  }

  public static JwtRequestPostProcessor admin() {
    return user("admin", "admin", "360000");
  }
}
