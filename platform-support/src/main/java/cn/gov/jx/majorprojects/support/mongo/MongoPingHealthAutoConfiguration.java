package cn.gov.jx.majorprojects.support.mongo;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mongo health by {@code ping}: Boot's indicator runs {@code hello}, which the embedded
 * mongo-java-server lacks, so it would report DOWN there; {@code ping} answers on both it and a
 * real MongoDB.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({MongoTemplate.class, HealthIndicator.class})
public class MongoPingHealthAutoConfiguration {

  @Bean
  @ConditionalOnBean(MongoTemplate.class)
  HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
    return new AbstractHealthIndicator("MongoDB ping failed") {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder
            .up()
            .withDetail("database", mongo.getDb().getName())
            .withDetail("ok", answer.get("ok"));
      }
    };
  }
}
