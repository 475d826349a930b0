package cn.gov.jx.majorprojects.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTests {

  @TempDir Path dir;

  @Test
  void fileStoreKeepsDataAcrossRestarts() throws Exception {
    int port = freePort();
    EmbeddedMongo.Options options =
        new EmbeddedMongo.Options("127.0.0.1", port, dir.resolve("mongo.mv"));

    MongoServer first = EmbeddedMongo.start(options);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      client
          .getDatabase("projects")
          .getCollection("regions")
          .insertOne(new Document("name", "江西省"));
    } finally {
      first.shutdown();
    }

    MongoServer second = EmbeddedMongo.start(options);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      Document found = client.getDatabase("projects").getCollection("regions").find().first();
      assertThat(found).isNotNull();
      assertThat(found.getString("name")).isEqualTo("江西省");
    } finally {
      second.shutdown();
    }
  }

  /**
   * A kill -9 right after the last acknowledged write: every acknowledged insert and update is
   * there after the restart (the store commits before it answers; before, H2's background commit
   * lost about the last second of writes).
   */
  @Test
  void fileStoreKeepsEveryAcknowledgedWriteThroughAKill9() throws Exception {
    int port = freePort();
    Path file = dir.resolve("mongo.mv");
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedMongo.class.getName(),
                "--port",
                String.valueOf(port),
                "--file",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    int written = 300;
    try {
      awaitListening(port);
      try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
        MongoCollection<Document> issues = client.getDatabase("issues").getCollection("issues");
        for (int i = 0; i < written; i++) {
          issues.insertOne(new Document("_id", i).append("status", "OPEN"));
        }
        issues.updateOne(Filters.eq("_id", written - 1), Updates.set("status", "RESOLVED"));
      }
    } finally {
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the store
      server.waitFor();
    }

    MongoServer again = EmbeddedMongo.start(new EmbeddedMongo.Options("127.0.0.1", port, file));
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> issues = client.getDatabase("issues").getCollection("issues");
      assertThat(issues.countDocuments()).isEqualTo(written);
      assertThat(issues.find(Filters.eq("_id", written - 1)).first().getString("status"))
          .isEqualTo("RESOLVED");
    } finally {
      again.shutdown();
    }
  }

  /**
   * Writes at full speed with a commit each, then a stop: the file is compacted to its live data (3
   * 000 commits left an 86 MB file before, H2 keeping every replaced chunk for 45 s), and every
   * document is still there after the restart.
   */
  @Test
  void fileStoreIsCompactedToItsDataWhenTheServerStops() throws Exception {
    int port = freePort();
    Path file = dir.resolve("mongo.mv");
    EmbeddedMongo.Options options = new EmbeddedMongo.Options("127.0.0.1", port, file);
    int written = 2_000;
    String text = "x".repeat(300);

    MongoServer first = EmbeddedMongo.start(options);
    long running;
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> issues = client.getDatabase("issues").getCollection("issues");
      for (int i = 0; i < written; i++) {
        issues.insertOne(new Document("_id", i).append("status", "OPEN").append("text", text));
        if (i % 2 == 1) {
          issues.updateOne(Filters.eq("_id", i / 2), Updates.set("status", "RESOLVED"));
        }
      }
      running = Files.size(file);
    } finally {
      first.shutdown();
    }

    long compacted = Files.size(file);
    MongoServer second = EmbeddedMongo.start(options);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> issues = client.getDatabase("issues").getCollection("issues");
      assertThat(issues.countDocuments()).isEqualTo(written);
      assertThat(issues.countDocuments(Filters.eq("status", "RESOLVED"))).isEqualTo(written / 2);
    } finally {
      second.shutdown();
    }
    // 2 000 documents of ~330 bytes: ~0.7 MB of data
    assertThat(compacted).isLessThan(4L << 20);
    assertThat(compacted).isLessThan(running);
  }

  private static void awaitListening(int port) throws Exception {
    for (int tries = 0; tries < 300; tries++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the embedded MongoDB did not listen on " + port + " within 30 s");
  }

  @Test
  void optionsComeFromArguments() {
    EmbeddedMongo.Options options =
        EmbeddedMongo.Options.parse(new String[] {"--port", "27999", "--file", "/tmp/x.mv"});
    assertThat(options.port()).isEqualTo(27999);
    assertThat(options.file()).isEqualTo(Path.of("/tmp/x.mv"));
    assertThat(options.commitEachWrite()).isTrue();
    assertThat(
            EmbeddedMongo.Options.parse(new String[] {"--commit", "background"}).commitEachWrite())
        .isFalse();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
