package cn.gov.jx.majorprojects.support.testing;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** An in-process mongo-java-server on a free port for a test context; gone with the context. */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongoConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  MongoServer embeddedMongoServer() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    return server;
  }

  @Bean
  MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
    InetSocketAddress address = embeddedMongoServer.getLocalAddress();
    ConnectionString connection =
        new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/test");
    return () -> connection;
  }
}
