package cn.gov.jx.majorprojects.support.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** A peer's answer over the bound is refused while it arrives, never read whole. */
class AnswerLimitTests {

  static final long LIMIT = 1024 * 1024;
  static final int TEN_MB = 10 * 1024 * 1024;

  HttpServer peer;
  RestClient client;

  @BeforeEach
  void start() throws IOException {
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // /declared: 10 MB with its Content-Length; /chunked: 10 MB without; /small: a little JSON
    peer.createContext("/declared", exchange -> answer(exchange, TEN_MB, TEN_MB));
    peer.createContext("/chunked", exchange -> answer(exchange, TEN_MB, 0));
    peer.createContext(
        "/small",
        exchange -> {
          byte[] json = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, json.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
          }
        });
    peer.start();
    client =
        RestClient.builder()
            .baseUrl("http://127.0.0.1:" + peer.getAddress().getPort())
            .requestInterceptor(AnswerLimit.restClientInterceptor(LIMIT))
            .build();
  }

  void answer(com.sun.net.httpserver.HttpExchange exchange, int size, long declared)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, declared);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    chunk[0] = '[';
    try (OutputStream out = exchange.getResponseBody()) {
      for (int sent = 0; sent < size; sent += chunk.length) {
        out.write(chunk);
        chunk[0] = ' ';
      }
    } catch (IOException reset) {
      // the client stopped reading and closed: expected
    }
  }

  @AfterEach
  void stop() {
    peer.stop(0);
  }

  @Test
  void aRestClientRefusesAnAnswerOverTheBoundWithOrWithoutItsLength() {
    assertThatThrownBy(() -> client.get().uri("/declared").retrieve().body(java.util.List.class))
        .hasRootCauseInstanceOf(AnswerLimit.TooLarge.class);
    assertThatThrownBy(() -> client.get().uri("/chunked").retrieve().body(java.util.List.class))
        .hasRootCauseInstanceOf(AnswerLimit.TooLarge.class);
    assertThat(client.get().uri("/small").retrieve().body(Map.class)).containsEntry("ok", true);
  }

  @Test
  void feignDecodesWithinTheBoundAndRefusesMoreWithoutReadingItAll() throws Exception {
    Decoder readsAll = (response, type) -> response.body().asInputStream().readAllBytes().length;
    Decoder bounded = AnswerLimit.feignDecoder(readsAll, LIMIT);

    assertThat(bounded.decode(response(bytes(1000), 1000), Integer.class)).isEqualTo(1000);

    Endless endless = new Endless();
    assertThatThrownBy(() -> bounded.decode(response(endless, null), Integer.class))
        .isInstanceOf(AnswerLimit.TooLarge.class);
    assertThat(endless.served).isLessThan(LIMIT + 64 * 1024);

    Endless declared = new Endless();
    assertThatThrownBy(() -> bounded.decode(response(declared, TEN_MB), Integer.class))
        .isInstanceOf(AnswerLimit.TooLarge.class);
    assertThat(declared.served).isZero();
  }

  @Test
  void anErrorAnswersBodyIsReadOnlyAsAnExcerpt() {
    Endless endless = new Endless();
    Exception e =
        AnswerLimit.feignErrorDecoder(new feign.codec.ErrorDecoder.Default())
            .decode("Peer#call()", response(endless, null).toBuilder().status(500).build());
    assertThat(e).isInstanceOf(feign.FeignException.InternalServerError.class);
    assertThat(endless.served).isLessThan(64 * 1024);
  }

  static Response response(InputStream body, Integer length) {
    Request request =
        Request.create(Request.HttpMethod.GET, "http://peer/x", Map.of(), null, null, null);
    return Response.builder()
        .status(200)
        .request(request)
        .headers(Map.of())
        .body(body, length)
        .build();
  }

  static InputStream bytes(int n) {
    return new java.io.ByteArrayInputStream(new byte[n]);
  }

  /** An answer that never ends, counting what was read of it. */
  static final class Endless extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Arrays.fill(b, off, off + len, (byte) ' ');
      served += len;
      return len;
    }
  }
}
