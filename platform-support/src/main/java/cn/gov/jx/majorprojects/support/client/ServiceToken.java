package cn.gov.jx.majorprojects.support.client;

import java.util.function.Supplier;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.util.function.SingletonSupplier;

/**
 * The client-credentials token of the {@code services} client registration, for calls to other
 * services' {@code /internal/**} and to Keycloak's Admin API. Kept until it expires; not bound to a
 * servlet request, because relays and sweeps call from scheduled threads.
 */
public class ServiceToken {

  public static final String REGISTRATION = "services";

  private final Supplier<OAuth2AuthorizedClientManager> manager;
  private final String principal;

  public ServiceToken(OAuth2AuthorizedClientManager manager, String principal) {
    this(() -> manager, principal);
  }

  ServiceToken(Supplier<OAuth2AuthorizedClientManager> manager, String principal) {
    this.manager = SingletonSupplier.of(manager);
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
        manager
            .get()
            .authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(principal)
                    .build());
    if (client == null) {
      throw new IllegalStateException("no token for client registration '" + REGISTRATION + "'");
    }
    return client.getAccessToken().getTokenValue();
  }

  /** The {@code Authorization} header value. */
  public String bearer() {
    return "Bearer " + value();
  }
}
