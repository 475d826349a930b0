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
 * each). {@code --file PATH} keeps data in an H2 file between runs, committed on every write (a
 * kill -9 loses no acknowledged write); without it data lives in memory (a kill -9 loses all). Only
 * for local use and tests: a real deployment sets MONGODB_URI instead.
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
        options.file() == null
            ? "in memory"
            : "file " + options.file() + (options.commitEachWrite() ? "" : ", background commit"));
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
      backend =
          options.commitEachWrite()
              ? CommittingH2Backend.open(options.file())
              : new H2Backend(options.file().toString());
    }
    MongoServer server = new MongoServer(backend);
    server.bind(options.host(), options.port());
    return server;
  }

  /**
   * {@code commitEachWrite} (file only; {@code MONGO_FILE_COMMIT=each-write}, the default): commit
   * before answering each write; {@code background}: H2 commits about once a second, writes about 4
   * times faster on this machine, and a kill -9 loses the last second's acknowledged writes.
   */
  record Options(String host, int port, Path file, boolean commitEachWrite) {

    Options(String host, int port, Path file) {
      this(host, port, file, true);
    }

    static Options parse(String[] args) {
      String host = env("MONGO_HOST", "127.0.0.1");
      int port = Integer.parseInt(env("MONGO_PORT", "27017"));
      String file = System.getenv("MONGO_DATA_FILE");
      String commit = env("MONGO_FILE_COMMIT", "each-write");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> host = args[++i];
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--file" -> file = args[++i];
          case "--commit" -> commit = args[++i];
          default ->
              throw new IllegalArgumentException(
                  "unknown option " + args[i] + " (use --host, --port, --file, --commit)");
        }
      }
      if (!commit.equals("each-write") && !commit.equals("background")) {
        throw new IllegalArgumentException(
            "--commit / MONGO_FILE_COMMIT is each-write or background, not " + commit);
      }
      return new Options(
          host,
          port,
          file == null || file.isBlank() ? null : Path.of(file),
          commit.equals("each-write"));
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }
}
