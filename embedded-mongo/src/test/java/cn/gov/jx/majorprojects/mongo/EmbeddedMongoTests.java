package cn.gov.jx.majorprojects.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.ServerSocket;
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

  @Test
  void optionsComeFromArguments() {
    EmbeddedMongo.Options options =
        EmbeddedMongo.Options.parse(new String[] {"--port", "27999", "--file", "/tmp/x.mv"});
    assertThat(options.port()).isEqualTo(27999);
    assertThat(options.file()).isEqualTo(Path.of("/tmp/x.mv"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
