package cn.gov.jx.majorprojects.support.mongo;

import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * How long a service waits for MongoDB before it gives up on a request. The driver's default server
 * selection timeout is 30 s: during an outage every request held a thread that long and the caller
 * got the gateway's 504 (after 5, 10 or 30 s by route). With a few seconds the service answers its
 * own 503 problem ({@code ApiExceptionHandler}) within every route's timeout. A {@code
 * serverSelectionTimeoutMS} in {@code MONGODB_URI} still wins: this runs before Boot applies the
 * connection string.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
@EnableConfigurationProperties(MongoTimeoutsAutoConfiguration.MongoTimeouts.class)
public class MongoTimeoutsAutoConfiguration {

  /**
   * {@code platform.mongo.*}.
   *
   * @param serverSelectionTimeout how long a call waits for a reachable MongoDB server
   */
  @ConfigurationProperties("platform.mongo")
  public record MongoTimeouts(@DefaultValue("3s") Duration serverSelectionTimeout) {}

  @Bean
  MongoClientSettingsBuilderCustomizer platformMongoTimeouts(MongoTimeouts timeouts) {
    return new BeforeTheConnectionString(timeouts);
  }

  /** Ordered before Boot's own customizer (order 0), which applies the connection string. */
  record BeforeTheConnectionString(MongoTimeouts timeouts)
      implements MongoClientSettingsBuilderCustomizer, Ordered {

    @Override
    public void customize(MongoClientSettings.Builder settings) {
      settings.applyToClusterSettings(
          cluster ->
              cluster.serverSelectionTimeout(
                  timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
      return -10;
    }
  }
}
