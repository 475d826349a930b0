package cn.gov.jx.majorprojects.support.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The services' token decoder: RS256 against the realm's published keys, cached for {@code ttl};
 * when Keycloak cannot be reached the keys last fetched stay in use, so tokens issued before an
 * outage keep working until they expire (the gateway's {@code SigningKeyCache} does the same). A
 * token signed by a key not yet seen refreshes the keys, at most once per 5 s. Found by
 * GatewayHardeningE2ETests with two replicas: a replica whose 5-minute cache had lapsed refused a
 * valid token with a 500 while Keycloak was stopped.
 */
final class ServiceJwtDecoder {

  private ServiceJwtDecoder() {}

  static NimbusJwtDecoder create(
      String jwkSetUri, Duration ttl, OAuth2TokenValidator<Jwt> validator) {
    URL url;
    try {
      url = URI.create(jwkSetUri).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + jwkSetUri, e);
    }
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.<SecurityContext>create(
                url, new DefaultResourceRetriever(2_000, 5_000, 512 * 1024))
            .cache(ttl.toMillis(), Math.min(15_000, ttl.toMillis() / 4))
            .refreshAheadCache(false)
            .rateLimited(Math.min(5_000, ttl.toMillis() / 2))
            .outageTolerantForever()
            .build();
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .jwtProcessorCustomizer(
                processor ->
                    processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys)))
            .build();
    decoder.setJwtValidator(validator);
    return decoder;
  }
}
