package cn.gov.jx.majorprojects.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * During a MongoDB outage a request waits the server selection timeout: the driver's 30 s outlasted
 * the gateway's route timeouts; the platform's default is 3 s, set by {@code
 * MONGO_SERVER_SELECTION_TIMEOUT}, and a {@code serverSelectionTimeoutMS} in the URI still wins.
 */
class MongoTimeoutsAutoConfigurationTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MongoTimeoutsAutoConfiguration.class, MongoAutoConfiguration.class));

  @Test
  void aCallWaitsThreeSecondsForMongoByDefaultNotTheDriversThirty() {
    context.run(c -> assertThat(selectionMillis(c.getBean(MongoClient.class))).isEqualTo(3000));
  }

  @Test
  void theWaitIsSetByTheEnvironment() {
    context
        .withPropertyValues("platform.mongo.server-selection-timeout=1500ms")
        .run(c -> assertThat(selectionMillis(c.getBean(MongoClient.class))).isEqualTo(1500));
  }

  @Test
  void aTimeoutInTheConnectionStringWins() {
    context
        .withPropertyValues(
            "spring.mongodb.uri=mongodb://localhost:27017/?serverSelectionTimeoutMS=7000")
        .run(c -> assertThat(selectionMillis(c.getBean(MongoClient.class))).isEqualTo(7000));
  }

  private static long selectionMillis(MongoClient client) {
    return client
        .getClusterDescription()
        .getClusterSettings()
        .getServerSelectionTimeout(TimeUnit.MILLISECONDS);
  }
}
