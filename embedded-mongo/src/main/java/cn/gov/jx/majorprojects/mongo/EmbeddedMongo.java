package cn.gov.jx.majorprojects.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server for the local platform, shared by all services (one database
 * each). {@code --file PATH} keeps data in an H2 file between runs; without it data lives in
 * memory. Only for local use and tests: a real deployment sets MONGODB_URI instead.
 */
public final class EmbeddedMongo {

  private EmbeddedMongo() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    MongoServer server = start(options);
    System.out.printf(
        "embedded MongoDB listening on %s:%d (%s)%n",
        options.host(),
        options.port(),
        options.file() == null ? "in memory" : "file " + options.file());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  stopped.countDown();
                }));
    stopped.await();
  }

  static MongoServer start(Options options) throws Exception {
    MongoBackend backend;
    if (options.file() == null) {
      backend = new MemoryBackend();
    } else {
      Path parent = options.file().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      backend = new H2Backend(options.file().toString());
    }
    MongoServer server = new MongoServer(backend);
    server.bind(options.host(), options.port());
    return server;
  }

  record Options(String host, int port, Path file) {

    static Options parse(String[] args) {
      String host = env("MONGO_HOST", "127.0.0.1");
      int port = Integer.parseInt(env("MONGO_PORT", "27017"));
      String file = System.getenv("MONGO_DATA_FILE");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> host = args[++i];
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--file" -> file = args[++i];
          default ->
              throw new IllegalArgumentException(
                  "unknown option " + args[i] + " (use --host, --port, --file)");
        }
      }
      return new Options(host, port, file == null || file.isBlank() ? null : Path.of(file));
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }
}
