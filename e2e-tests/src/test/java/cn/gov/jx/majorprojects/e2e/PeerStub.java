package cn.gov.jx.majorprojects.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A faulty stand-in for a peer service (never for the service under test): bound on the stopped
 * peer's ports, it answers every request the way {@link #answer(Mode)} says, and records what it
 * was asked (path and query, and whether a bearer token came along).
 */
final class PeerStub implements AutoCloseable {

  /** How the peer misbehaves. */
  enum Mode {
    /** Answers after 10 s (a peer stuck on its own database, say). */
    SLOW,
    /** 200 with {@code application/json} that is not JSON at all. */
    GARBAGE,
    /** 200 with JSON of another shape (an error envelope, a page of something else). */
    WRONG_SHAPE,
    /** 200 with 64 MB of JSON (one long string), streamed without a length. */
    HUGE,
    /** The same with its {@code Content-Length} declared up front. */
    HUGE_DECLARED
  }

  static final long HUGE_BYTES = 64L * 1024 * 1024;

  private final List<HttpServer> servers = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.SLOW;

  PeerStub(List<Integer> ports) throws IOException {
    try {
      for (int port : ports) {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        servers.add(server);
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** From now on every request is answered this way; forgets what was asked before. */
  PeerStub answer(Mode mode) {
    this.mode = mode;
    asked.clear();
    return this;
  }

  /** What the peer was asked since the last {@link #answer(Mode)}: "path?query bearer|none". */
  List<String> asked() {
    return List.copyOf(asked);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Mode now = mode;
    String query = exchange.getRequestURI().getRawQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    asked.add(
        exchange.getRequestURI().getRawPath()
            + (query == null ? "" : "?" + query)
            + (authorization != null && authorization.startsWith("Bearer ") ? " bearer" : " none"));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Connection", "close");
    try (OutputStream out = exchange.getResponseBody()) {
      switch (now) {
        case SLOW -> {
          sleep(10_000);
          write(exchange, out, "{}");
        }
        case GARBAGE ->
            write(exchange, out, "<html><body>502 Bad Gateway</body></html>\u0000\uFFFD");
        case WRONG_SHAPE ->
            write(exchange, out, "{\"content\":[],\"totalElements\":\"many\",\"status\":\"ok\"}");
        case HUGE -> huge(exchange, out, 0);
        case HUGE_DECLARED -> huge(exchange, out, HUGE_BYTES);
      }
    } catch (IOException callerGaveUp) {
      // the caller timed out or refused the answer: that is what is tested
    } finally {
      exchange.close();
    }
  }

  private static void write(HttpExchange exchange, OutputStream out, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    out.write(bytes);
  }

  /**
   * One JSON object holding a string of {@link #HUGE_BYTES} bytes, written as it goes (never held
   * in memory); length 0 streams it chunked. Read whole, it would not fit a service's 128 MB heap.
   */
  private static void huge(HttpExchange exchange, OutputStream out, long length)
      throws IOException {
    byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
    exchange.sendResponseHeaders(200, length == 0 ? 0 : head.length + length + tail.length);
    out.write(head);
    byte[] block = new byte[64 * 1024];
    Arrays.fill(block, (byte) 'x');
    for (long written = 0; written < HUGE_BYTES; written += block.length) {
      out.write(block);
    }
    out.write(tail);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unbinds every port at once (the real peer is started on them next). */
  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
