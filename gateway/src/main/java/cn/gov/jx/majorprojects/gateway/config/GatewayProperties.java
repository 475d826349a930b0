package cn.gov.jx.majorprojects.gateway.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings ({@code gateway.*}).
 *
 * @param secureTransport true outside local: HSTS and Secure cookies (TLS ends at the ingress)
 * @param trustedProxies regex of proxy addresses whose {@code X-Forwarded-*} headers are believed;
 *     empty trusts none
 * @param corsAllowedOrigins browser origins allowed to call the API cross-origin; empty allows none
 * @param rateLimit per-user (per client IP when anonymous) token bucket
 * @param circuitBreaker when a backend counts as down, and for how long
 * @param maxBody request body limits
 * @param login browser login against Keycloak
 * @param signingKeys how the realm's JWKS is fetched and cached
 * @param tokenCache how many verified tokens are kept for reuse until they expire
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
    @DefaultValue("false") boolean secureTransport,
    @DefaultValue("") String trustedProxies,
    @DefaultValue List<String> corsAllowedOrigins,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue MaxBody maxBody,
    @DefaultValue Login login,
    @DefaultValue SigningKeys signingKeys,
    @DefaultValue TokenCache tokenCache) {

  /**
   * @param maxEntries distinct verified tokens kept until their expiry (0: verify every request)
   */
  public record TokenCache(@DefaultValue("10000") int maxEntries) {}

  /**
   * @param minRefetchInterval least time between two JWKS fetches (an unknown key id inside it is
   *     refused without a fetch)
   * @param fetchTimeout how long one JWKS fetch may take
   */
  public record SigningKeys(
      @DefaultValue("10s") Duration minRefetchInterval,
      @DefaultValue("3s") Duration fetchTimeout) {}

  /**
   * @param clientId the confidential Keycloak client browsers log in with
   * @param clientSecret its secret (env {@code CONSOLE_CLIENT_SECRET})
   * @param timeout how long one call to Keycloak during a login (code for tokens, user info, keys)
   *     may take before the browser gets the "login service unavailable" page instead of waiting
   */
  public record Login(
      @DefaultValue("console") String clientId,
      @DefaultValue("local-demo-console-secret") String clientSecret,
      @DefaultValue("10s") Duration timeout) {}

  /**
   * @param replenishRate requests per second a caller may keep up
   * @param burstCapacity requests a caller may send at once
   */
  public record RateLimit(
      @DefaultValue("20") int replenishRate, @DefaultValue("40") int burstCapacity) {}

  /**
   * @param failureRatePercent failed share of the last calls that opens the circuit
   * @param open how long an open circuit answers 503 before trial calls (a bare number is seconds)
   */
  public record CircuitBreaker(
      @DefaultValue("50") int failureRatePercent,
      @DefaultValue("10s") @DurationUnit(ChronoUnit.SECONDS) Duration open) {}

  /**
   * @param json any API request
   * @param importPath the Excel imports, {@code /api/projects/import} and {@code
   *     /api/progress-reports/import}
   */
  public record MaxBody(
      @DefaultValue("1MB") DataSize json, @DefaultValue("10MB") DataSize importPath) {}
}
