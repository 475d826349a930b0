package cn.gov.jx.majorprojects.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** How every component validates a Keycloak token and turns it into authorities. */
public final class JwtRules {

  private JwtRules() {}

  /** Signature is checked by the decoder (RS256 only); this adds expiry, issuer and audience. */
  public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    OAuth2TokenValidator<Jwt> audienceValidator =
        jwt -> {
          List<String> aud = jwt.getAudience();
          if (aud != null && aud.contains(audience)) {
            return OAuth2TokenValidatorResult.success();
          }
          return OAuth2TokenValidatorResult.failure(
              new OAuth2Error("invalid_token", "The token is not meant for " + audience, null));
        };
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
  }

  /** {@code realm_access.roles} as {@code ROLE_<name>}; the principal's name is the username. */
  public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
    return jwt ->
        new JwtAuthenticationToken(
            jwt, authorities(jwt), jwt.getClaimAsString("preferred_username"));
  }

  public static Collection<GrantedAuthority> authorities(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String role : PlatformUser.realmRoleNames(jwt)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
    }
    return authorities;
  }

  /** True for a client-credentials token of the given client (the {@code services} client). */
  public static boolean isServiceToken(Jwt jwt, String serviceClientId) {
    String username = jwt.getClaimAsString("preferred_username");
    return serviceClientId.equals(jwt.getClaimAsString("azp"))
        && username != null
        && username.startsWith("service-account-");
  }
}
