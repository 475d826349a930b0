package cn.gov.jx.majorprojects.support.client;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The client-credentials token of the {@code services} client registration, for calls to other
 * services' {@code /internal/**} and to Keycloak's Admin API. Kept until it expires; not bound to a
 * servlet request, because relays and sweeps call from scheduled threads. A peer that refuses the
 * token (401: Keycloak's keys changed, or the realm was imported again) makes the caller {@link
 * #invalidate()} it, so the next call fetches a new one instead of failing until it expires.
 */
public class ServiceToken {

  public static final String REGISTRATION = "services";

  private final Supplier<OAuth2AuthorizedClientManager> managers;
  private final AtomicReference<OAuth2AuthorizedClientManager> manager = new AtomicReference<>();
  private final String principal;

  public ServiceToken(OAuth2AuthorizedClientManager manager, String principal) {
    this(() -> manager, principal);
  }

  ServiceToken(Supplier<OAuth2AuthorizedClientManager> managers, String principal) {
    this.managers = managers;
    this.principal = principal;
  }

  /** A manager that only fetches client-credentials tokens and keeps them in memory. */
  public static OAuth2AuthorizedClientManager clientCredentials(
      ClientRegistrationRepository registrations) {
    var manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(
            registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    return manager;
  }

  /** The access token; fetched from the token endpoint when none is held or it expired. */
  public String value() {
    OAuth2AuthorizedClient client =
        manager()
            .authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(principal)
                    .build());
    if (client == null) {
      throw new IllegalStateException("no token for client registration '" + REGISTRATION + "'");
    }
    return client.getAccessToken().getTokenValue();
  }

  /** Forgets the held token (a peer refused it); the next call fetches a new one. */
  public void invalidate() {
    manager.set(null);
  }

  private OAuth2AuthorizedClientManager manager() {
    // a fresh manager holds no token; a race creates one more manager, which costs one more fetch
    OAuth2AuthorizedClientManager current = manager.get();
    if (current == null) {
      current = managers.get();
      manager.compareAndSet(null, current);
    }
    return current;
  }

  /** The {@code Authorization} header value. */
  public String bearer() {
    return "Bearer " + value();
  }
}
