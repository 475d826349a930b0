package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** With the demo switch off (the default, and what e2e runs with) no demo case is made. */
class DemoDataSwitchedOffApplicationTests extends CaseApplicationTestSupport {

  @Autowired ApplicationContext context;

  @Test
  void withTheSwitchOffNoDemoLoaderRunsAndNothingIsMarkedLoaded() {
    assertThat(context.containsBean("demoCases")).isFalse();
    assertThat(mongo.collectionExists("demo_data")).isFalse();
    assertThat(mongo.findAll(Issue.class)).noneMatch(i -> i.idempotencyKey.startsWith("demo:"));
  }
}
