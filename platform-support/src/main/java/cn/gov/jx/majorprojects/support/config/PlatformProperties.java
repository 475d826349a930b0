package cn.gov.jx.majorprojects.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every component shares ({@code platform.*}).
 *
 * @param issuerUri the Keycloak realm tokens must come from
 * @param jwkSetUri where the realm's signing keys are fetched (cached; once per unknown key id)
 * @param audience the API audience that must be in {@code aud}
 * @param serviceClientId the client whose client-credentials tokens may call {@code /internal/**}
 */
@ConfigurationProperties("platform.security")
public record PlatformProperties(
    @DefaultValue("http://localhost:8180/realms/majorprojects") String issuerUri,
    String jwkSetUri,
    @DefaultValue("majorprojects-api") String audience,
    @DefaultValue("services") String serviceClientId) {

  public String jwkSetUriOrDefault() {
    return jwkSetUri == null || jwkSetUri.isBlank()
        ? issuerUri + "/protocol/openid-connect/certs"
        : jwkSetUri;
  }
}
