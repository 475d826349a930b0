package cn.gov.jx.majorprojects.bench.floor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The floors do what the benchmark assumes: bare forwards anything, jwt refuses a bad token. */
class FloorGatewayApplicationTests {

  static final String BODY = "{\"code\":\"360000\",\"name\":\"Jiangxi\"}";
  static final HttpServer upstream = upstream();

  static HttpServer upstream() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void upstreamUrl(DynamicPropertyRegistry registry) {
    String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
    registry.add("UPSTREAM_URL", () -> url);
    registry.add("JWT_JWK_SET_URI", () -> url + "/certs");
  }

  @AfterAll
  static void stopUpstream() {
    upstream.stop(0);
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @AutoConfigureWebTestClient
  @ActiveProfiles("bare")
  class Bare {

    @Autowired WebTestClient web;

    @Test
    void forwardsAnApiCallWithoutAnyCredential() {
      web.get()
          .uri("/api/regions")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .isEqualTo(BODY);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @AutoConfigureWebTestClient
  @ActiveProfiles("jwt")
  class JwtOnly {

    @Autowired WebTestClient web;

    @Test
    void refusesACallWithoutAToken() {
      web.get().uri("/api/regions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenThatIsNotAJwt() {
      web.get()
          .uri("/api/regions")
          .header("Authorization", "Bearer not.a.jwt")
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
  }
}
