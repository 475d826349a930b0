package cn.gov.jx.majorprojects.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(properties = {"management.server.port=0", "projects.demo-data=true"})
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class DemoDataApplicationTests {

  @Autowired MongoTemplate mongo;
  @Autowired DemoData demo;

  Document marker() {
    return mongo.getCollection("demo_data").find(new Document("_id", DemoData.MARKER)).first();
  }

  long count(Document filter) {
    return mongo.getCollection("projects").countDocuments(filter);
  }

  @Test
  void loadsOnceWithRedAndYellowProjectsForTheDemoOwnersAndRollsThemUp() throws Exception {
    for (int i = 0;
        i < 600 && !"done".equals(marker() == null ? null : marker().get("state"));
        i++) {
      Thread.sleep(500);
    }
    assertThat(marker().getString("state")).isEqualTo("done");
    long projects = count(new Document());
    assertThat(projects).isBetween(200L, 500L);
    assertThat(count(new Document("ownerOrg", "org-nc-metro").append("regionCode", "360113")))
        .isPositive();
    assertThat(count(new Document("ownerOrg", "org-gz-energy").append("regionCode", "360702")))
        .isPositive();
    assertThat(count(new Document("warning.level", "RED"))).isPositive();
    assertThat(count(new Document("warning.level", "YELLOW"))).isPositive();
    assertThat(mongo.getCollection("progress_reports").countDocuments()).isGreaterThan(projects);

    // the province roll-up counts every project of 2026 (the generated ones all start in 2026)
    Document province =
        mongo.getCollection("dashboard_rollups").find(new Document("_id", "360000:2026")).first();
    long in2026 = count(new Document("status", new Document("$ne", "PLANNED")));
    assertThat(((Number) province.get("f", Document.class).get("projects")).longValue())
        .isEqualTo(in2026);

    // a second start finds the marker and adds nothing
    demo.loadOnce();
    Thread.sleep(1000);
    assertThat(count(new Document())).isEqualTo(projects);
  }
}
