package cn.gov.jx.majorprojects.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.region.RegionTree;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class PlatformUserTests {

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer("http://localhost:8180/realms/majorprojects")
        .audience(List.of("majorprojects-api"))
        .issuedAt(Instant.now().minusSeconds(10))
        .expiresAt(Instant.now().plusSeconds(300));
  }

  @Test
  void readsUsernameRolesRegionAndOrgFromKeycloakClaims() {
    Jwt jwt =
        token()
            .claim("preferred_username", "owner.hgt")
            .claim("name", "红谷滩 业主")
            .claim("realm_access", Map.of("roles", List.of("owner", "default-roles-majorprojects")))
            .claim("region", "360113")
            .claim("org", "org-nc-metro")
            .build();

    PlatformUser user = PlatformUser.from(jwt);

    assertThat(user.username()).isEqualTo("owner.hgt");
    assertThat(user.displayName()).isEqualTo("红谷滩 业主");
    assertThat(user.roles()).containsExactly(PlatformRole.OWNER);
    assertThat(user.region()).isEqualTo("360113");
    assertThat(user.org()).isEqualTo("org-nc-metro");
    assertThat(user.level()).isEqualTo(RegionLevel.COUNTY);
  }

  @Test
  void jurisdictionCoversOwnRegionAndBelowOnly() {
    Jurisdiction jurisdiction = new Jurisdiction(RegionTree.bundled());
    PlatformUser nanchang =
        new PlatformUser(
            "coord.nc", "coord.nc", java.util.Set.of(PlatformRole.COORDINATOR), "360100", null);

    assertThat(jurisdiction.covers(nanchang, "360113")).isTrue();
    assertThat(jurisdiction.covers(nanchang, "360100")).isTrue();
    assertThat(jurisdiction.covers(nanchang, "360000")).isFalse();
    assertThat(jurisdiction.covers(nanchang, "360702")).isFalse();
  }

  @Test
  void validatorRefusesAWrongAudienceOrIssuer() {
    var validator =
        JwtRules.validator("http://localhost:8180/realms/majorprojects", "majorprojects-api");

    assertThat(validator.validate(token().build()).hasErrors()).isFalse();
    OAuth2TokenValidatorResult wrongAudience =
        validator.validate(token().audience(List.of("account")).build());
    assertThat(wrongAudience.hasErrors()).isTrue();
    OAuth2TokenValidatorResult wrongIssuer =
        validator.validate(token().issuer("http://evil/realms/majorprojects").build());
    assertThat(wrongIssuer.hasErrors()).isTrue();
  }

  @Test
  void onlyTheServicesClientsServiceAccountIsAServiceToken() {
    Jwt service =
        token()
            .claim("azp", "services")
            .claim("preferred_username", "service-account-services")
            .build();
    Jwt user = token().claim("azp", "cli").claim("preferred_username", "admin").build();
    Jwt spoof = token().claim("azp", "services").claim("preferred_username", "admin").build();

    assertThat(JwtRules.isServiceToken(service, "services")).isTrue();
    assertThat(JwtRules.isServiceToken(user, "services")).isFalse();
    assertThat(JwtRules.isServiceToken(spoof, "services")).isFalse();
  }
}
