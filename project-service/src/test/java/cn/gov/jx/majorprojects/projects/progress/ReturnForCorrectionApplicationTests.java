package cn.gov.jx.majorprojects.projects.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ReturnForCorrectionApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String projectId;

  @BeforeEach
  void aFiledReport() throws Exception {
    ReportFixtures.emptyStore(mongo);
    projectId =
        ReportFixtures.project(
            mvc, "000901", "360113", "org-nc-metro", "红谷滩污水处理厂", "UNDER_CONSTRUCTION");
    file("1200.5").andExpect(status().isCreated());
  }

  ResultActions file(String amount) throws Exception {
    return mvc.perform(
        put("/api/projects/" + projectId + "/progress-reports/2026-10")
            .with(TestUsers.ownerHgt())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"investmentCompleted":%s,"physicalProgressPercent":35,"workersOnSite":120,
                 "siteState":"WORKING","note":"主体施工"}
                """
                    .formatted(amount)));
  }

  ResultActions returnIt(RequestPostProcessor who, String period, String body) throws Exception {
    return mvc.perform(
        post("/api/projects/" + projectId + "/progress-reports/" + period + "/return")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  long pendingOnDashboard(String region) throws Exception {
    String answer =
        mvc.perform(
                get("/api/dashboard")
                    .param("regionCode", region)
                    .param("year", "2026")
                    .with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(answer, "$.reportsPendingCorrection")).longValue();
  }

  @SuppressWarnings("unchecked")
  List<Document> outbox() {
    Document report =
        mongo
            .getCollection("progress_reports")
            .find(new Document("_id", projectId + ":2026-10"))
            .first();
    return report.getList("outbox", Document.class, List.of());
  }

  @Test
  void aReturnedReportShowsItsReasonToTheOwnerOnTheDashboardAndInTheOwnersNotifications()
      throws Exception {
    returnIt(TestUsers.coordHgt(), "2026-10", "{\"reason\":\"完成投资与形象进度不符，请核实\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.correctionRequested.reason").value("完成投资与形象进度不符，请核实"))
        .andExpect(jsonPath("$.correctionRequested.by").value("coord.hgt"))
        .andExpect(jsonPath("$.correctionRequested.at").value("2026-11-26T02:00:00Z"));

    mvc.perform(
            get("/api/projects/" + projectId + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.revision").value(1))
        .andExpect(jsonPath("$.correctionRequested.reason").value("完成投资与形象进度不符，请核实"));
    assertThat(pendingOnDashboard("360113")).isEqualTo(1);
    assertThat(pendingOnDashboard("360100")).isEqualTo(1);
    assertThat(pendingOnDashboard("360000")).isEqualTo(1);
    assertThat(pendingOnDashboard("360700")).isZero();

    List<Document> events = outbox();
    assertThat(events).hasSize(1);
    Document event = events.get(0);
    assertThat(event.getString("type")).isEqualTo("REPORT_RETURNED");
    assertThat(event.getString("actor")).isEqualTo("coord.hgt");
    assertThat(event.get("subject", Document.class).getString("ownerOrg"))
        .isEqualTo("org-nc-metro");
    assertThat(event.get("details", Document.class).getString("period")).isEqualTo("2026-10");
    assertThat(event.get("details", Document.class).getString("reason"))
        .isEqualTo("完成投资与形象进度不符，请核实");

    // one return at a time: a second waits for the owner's revision
    returnIt(TestUsers.managerNc(), "2026-10", "{\"reason\":\"再次退回\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    // the owner's next revision answers the return and clears it
    file("1100").andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
    mvc.perform(
            get("/api/projects/" + projectId + "/progress-reports/2026-10/revisions")
                .with(TestUsers.coordNc()))
        .andExpect(jsonPath("$[1].answersCorrection.reason").value("完成投资与形象进度不符，请核实"))
        .andExpect(jsonPath("$[1].correctionRequested").doesNotExist())
        .andExpect(jsonPath("$[0].investmentCompleted").value(1200.5))
        .andExpect(jsonPath("$[1].investmentCompleted").value(1100));
    assertThat(pendingOnDashboard("360000")).isZero();
    // a revision added by a targeted update is stored like the first one: amounts as Decimal128
    Document stored =
        mongo
            .getCollection("progress_reports")
            .find(new Document("_id", projectId + ":2026-10"))
            .first();
    List<Document> revisions = stored.getList("revisions", Document.class);
    assertThat(revisions.get(1).get("investmentCompleted"))
        .isEqualTo(new Decimal128(new BigDecimal("1100")));
    assertThat(revisions.get(0).get("investmentCompleted"))
        .isEqualTo(new Decimal128(new BigDecimal("1200.5")));
    assertThat(revisions.get(1)).doesNotContainKey("_class");
    // the event is still waiting for the relay, the revision did not overwrite it
    assertThat(outbox()).hasSize(1);

    // a manager of the region may return the corrected one again
    returnIt(TestUsers.managerNc(), "2026-10", "{\"reason\":\"工人数偏高\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.correctionRequested.by").value("manager.nc"));
    assertThat(outbox()).hasSize(2);
  }

  @Test
  void outOfScopeIs404WrongRoleIs403AndNothingIsReturned() throws Exception {
    String body = "{\"reason\":\"请核实\"}";
    for (RequestPostProcessor other :
        List.of(TestUsers.coordGz(), TestUsers.coordZg(), TestUsers.ownerZg())) {
      returnIt(other, "2026-10", body)
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    for (RequestPostProcessor wrongRole : List.of(TestUsers.ownerHgt(), TestUsers.admin())) {
      returnIt(wrongRole, "2026-10", body)
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    mvc.perform(
            get("/api/projects/" + projectId + "/progress-reports/2026-10").with(TestUsers.admin()))
        .andExpect(jsonPath("$.correctionRequested").doesNotExist());
    assertThat(outbox()).isEmpty();
    assertThat(pendingOnDashboard("360000")).isZero();
  }

  @Test
  void aBadReturnIs400WithTheFieldAndAnUnfiledMonthIs404() throws Exception {
    returnIt(TestUsers.coordHgt(), "2026-10", "{\"reason\":\"  \"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    returnIt(TestUsers.coordHgt(), "2026-10", "{\"reason\":\"" + "长".repeat(1001) + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    returnIt(TestUsers.coordHgt(), "2026-1", "{\"reason\":\"请核实\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    returnIt(TestUsers.coordHgt(), "2026-09", "{\"reason\":\"请核实\"}")
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/projects/" + projectId + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.correctionRequested").doesNotExist());
    assertThat(outbox()).isEmpty();
  }
}
