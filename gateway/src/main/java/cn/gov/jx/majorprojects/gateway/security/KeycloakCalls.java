package cn.gov.jx.majorprojects.gateway.security;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway's own calls to Keycloak (signing keys, the login's code exchange and user info), on
 * one small connection pool of their own with every wait bounded. Without bounds a call on a
 * connection that Keycloak's restart left half-open waits for ever, and so does the browser whose
 * login made it; with them it fails in {@code timeout} and the browser gets the 503 page.
 * Connections idle longer than {@link #MAX_IDLE} are dropped before Keycloak's side forgets them.
 */
final class KeycloakCalls {

  static final Duration MAX_IDLE = Duration.ofSeconds(20);

  private KeycloakCalls() {}

  static WebClient webClient(Duration timeout) {
    ConnectionProvider pool =
        ConnectionProvider.builder("keycloak")
            .maxConnections(20)
            .pendingAcquireTimeout(timeout)
            .maxIdleTime(MAX_IDLE)
            .maxLifeTime(Duration.ofMinutes(5))
            .evictInBackground(MAX_IDLE)
            .build();
    HttpClient http =
        HttpClient.create(pool)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 5000))
            .responseTimeout(timeout);
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
  }
}
