package cn.gov.jx.majorprojects.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import java.util.List;
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

    // the demo owners' projects have the year's milestones: those due done, the third quarter's
    // open
    // (what issue-service's demo blockers hold up, so the dashboard shows investment at risk)
    for (Document project :
        mongo.getCollection("projects").find(new Document("ownerOrg", "org-nc-metro"))) {
      Document plan =
          mongo
              .getCollection("annual_plans")
              .find(new Document("projectId", project.get("_id").toString()))
              .first();
      assertThat(plan).as(project.getString("code")).isNotNull();
      List<Document> milestones = plan.getList("milestones", Document.class);
      assertThat(milestones)
          .extracting(m -> m.getString("name"))
          .containsExactly("上半年形象进度目标", "主体工程阶段验收", "年度投资计划完成");
      assertThat(milestones.get(0).get("actualDate"))
          .as("June's is done by 26 November")
          .isNotNull();
      assertThat(milestones.get(1).get("actualDate")).as("the third quarter's is open").isNull();
      assertThat(milestones.get(2).get("actualDate")).as("December's is not due yet").isNull();
    }

    // a second start finds the marker and adds nothing
    demo.loadOnce();
    Thread.sleep(1000);
    assertThat(count(new Document())).isEqualTo(projects);
  }
}
