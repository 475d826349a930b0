package cn.gov.jx.majorprojects.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A real server (streams and vanishing clients cannot be faked with MockMvc): each user may hold
 * three live streams here (five by default), the next one is a 429 problem, and a stream that ends
 * — closed cleanly or broken off with a reset — gives its slot back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "notifications.streams.max-per-user=3",
      "notifications.streams.heartbeat=200ms",
      // never reach a real Keycloak on the default port (port 9: discard)
      "notifications.keycloak.admin-url=http://127.0.0.1:9",
      "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"
    })
@Import({EmbeddedMongoConfiguration.class, StreamSlotsApplicationTests.Tokens.class})
class StreamSlotsApplicationTests {

  /** The bearer token is the username: a coordinator of Nanchang. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Tokens {
    @Bean
    JwtDecoder jwtDecoder() {
      return token ->
          Jwt.withTokenValue(token)
              .header("alg", "RS256")
              .subject(token)
              .claim("preferred_username", token)
              .claim("azp", "cli")
              .claim("realm_access", Map.of("roles", List.of("coordinator")))
              .claim("region", "360100")
              .issuedAt(Instant.now())
              .expiresAt(Instant.now().plusSeconds(300))
              .build();
    }
  }

  @LocalServerPort int port;
  @Autowired StreamSlots slots;

  final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    // the heartbeat ends them; a stream left open would hold the server's graceful shutdown
    for (String user : List.of("limit.a", "limit.b", "limit.c")) {
      awaitSlots(() -> slots.open(user), 0);
    }
  }

  @Test
  void theStreamOverTheLimitIs429ProblemAndOtherUsersAreNotHeldUp() throws Exception {
    for (int i = 0; i < 3; i++) {
      openStream("limit.a");
    }

    HttpResponse<String> fourth = streamRequest("limit.a");
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(fourth.body())
        .contains("\"status\":429")
        .contains("At most 3 live notification streams");
    assertThat(slots.open("limit.a")).isEqualTo(3);

    openStream("limit.b");
    assertThat(slots.open("limit.b")).isEqualTo(1);
  }

  @Test
  void aClosedStreamFreesItsSlotAndSoDoesAClientThatVanishesWithAReset() throws Exception {
    Socket first = openStream("limit.c");
    Socket second = openStream("limit.c");
    openStream("limit.c");
    assertThat(streamRequest("limit.c").statusCode()).isEqualTo(429);

    first.close(); // a clean close (FIN)
    awaitSlots(() -> slots.open("limit.c"), 2);
    openStream("limit.c");

    second.setSoLinger(true, 0); // broken off: RST, no goodbye
    second.close();
    awaitSlots(() -> slots.open("limit.c"), 2);
    openStream("limit.c");
    assertThat(streamRequest("limit.c").statusCode()).isEqualTo(429);
  }

  /**
   * An open stream is a request that never finishes: the service's graceful shutdown waited its
   * whole 30 s for it. Stopping ends every stream at once (the lifecycle stops before the web
   * server's graceful shutdown), and a stream asked for while stopping is a 503.
   */
  @Test
  void stoppingEndsEveryOpenStreamAtOnceAndRefusesNewOnes() throws Exception {
    Socket first = openStream("limit.a");
    Socket second = openStream("limit.b");
    long start = System.nanoTime();
    slots.stop();
    try {
      for (Socket socket : List.of(first, second)) {
        // the response's last chunk, then the connection is free again (or closed)
        String rest = readUntilEndOfChunkedBody(socket);
        assertThat(rest).as("a completed stream ends its chunked body").endsWith("0\r\n\r\n");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(slots.open("limit.a")).isZero();
      HttpResponse<String> refused = streamRequest("limit.a");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("\"status\":503");
    } finally {
      slots.start();
    }
    openStream("limit.a"); // and after a start it serves streams again
  }

  static String readUntilEndOfChunkedBody(Socket socket) throws IOException {
    StringBuilder seen = new StringBuilder();
    var in = socket.getInputStream();
    for (int c = in.read(); c >= 0; c = in.read()) {
      seen.append((char) c);
      if (seen.toString().endsWith("0\r\n\r\n")) {
        break; // the last chunk (a heartbeat's chunk ends "\n\n\r\n", never like this)
      }
    }
    return seen.toString();
  }

  /** Opens a stream on a raw socket and waits for its {@code ready} event. */
  Socket openStream(String user) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    sockets.add(socket);
    socket.setSoTimeout(10_000);
    socket
        .getOutputStream()
        .write(
            ("GET /api/notifications/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer "
                    + user
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String status = in.readLine();
    assertThat(status).contains(" 200 ");
    String line;
    while ((line = in.readLine()) != null && !line.startsWith("event:ready")) {
      // headers and chunk sizes
    }
    assertThat(line).isEqualTo("event:ready");
    return socket;
  }

  HttpResponse<String> streamRequest(String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/notifications/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + user)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static void awaitSlots(IntSupplier open, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (open.getAsInt() != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(open.getAsInt()).isEqualTo(expected);
  }
}
