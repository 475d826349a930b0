package cn.gov.jx.majorprojects.projects.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.projects.project.Project;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class WarningApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired WarningService warnings;

  @BeforeEach
  void empty() {
    for (String c :
        new String[] {"projects", "progress_reports", "annual_plans", "warning_rules"}) {
      mongo.remove(new Query(), c);
    }
  }

  String project(String plannedStart, String status) throws Exception {
    String answer =
        mvc.perform(
                post("/api/projects")
                    .with(TestUsers.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"code":"2026-360113-48-01-000201","name":"红谷滩体育中心","level":"CITY",
                         "regionCode":"360113","industry":"SOCIAL","ownerOrg":"org-nc-metro",
                         "ownerOrgName":"南昌轨道交通集团","totalInvestment":90000,
                         "plannedStart":"%s","plannedFinish":"2028-12-31","status":"%s"}
                        """
                            .formatted(plannedStart, status)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  @Test
  void aStartSlippedLongAgoIsRedOnCreateAndRecordsOnePendingProjectRedEvent() throws Exception {
    String id = project("2026-02-01", "PRE_CONSTRUCTION");
    mvc.perform(get("/api/projects/" + id).with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.warning.level").value("RED"))
        .andExpect(jsonPath("$.warning.reasons[0]").value("START_SLIPPED"))
        .andExpect(jsonPath("$.outbox").doesNotExist());
    Document raw = mongo.getCollection("projects").find().first();
    List<Document> outbox = raw.getList("outbox", Document.class);
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0).getString("type")).isEqualTo("PROJECT_RED");
    assertThat(outbox.get(0).get("subject", Document.class).getString("projectRegion"))
        .isEqualTo("360113");

    // a change that keeps it red records nothing new
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                    "/api/projects/" + id)
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"description\":\"仍未开工\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.warning.level").value("RED"));
    raw = mongo.getCollection("projects").find().first();
    assertThat(raw.getList("outbox", Document.class)).hasSize(1);
  }

  @Test
  void twoReplicasRecomputingFromTheSameReadRecordTheProjectRedEventOnce() throws Exception {
    String id = project("2026-02-01", "PRE_CONSTRUCTION");
    // the project as both replicas read it before either wrote: green, nothing to send
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update()
            .set("warning", new Document("level", "GREEN").append("reasons", List.of()))
            .set("outbox", List.of()),
        "projects");
    Project readByBoth = mongo.findById(id, Project.class);

    assertThat(warnings.recompute(readByBoth, "system")).as("the first replica").isTrue();
    assertThat(warnings.recompute(readByBoth, "system")).as("the second replica").isFalse();

    Document raw = mongo.getCollection("projects").find().first();
    assertThat(raw.getList("outbox", Document.class))
        .extracting(d -> d.getString("type"))
        .containsExactly("PROJECT_RED");
    assertThat(raw.get("warning", Document.class).getString("level")).isEqualTo("RED");
  }

  @Test
  void aSuspendedReportTurnsTheProjectRedAndPlanPaceIsWatched() throws Exception {
    String id = project("2026-01-01", "UNDER_CONSTRUCTION");
    mvc.perform(
            put("/api/projects/" + id + "/plans/2026")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedInvestment\":1200}"))
        .andExpect(status().isOk());
    // started today (26 Nov): no report due yet, but nothing done of a plan 10/12 due: red pace
    mvc.perform(get("/api/projects/" + id).with(TestUsers.admin()))
        .andExpect(jsonPath("$.warning.level").value("RED"))
        .andExpect(jsonPath("$.warning.reasons[0]").value("BEHIND_PACE"));
    mvc.perform(
            put("/api/projects/" + id + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":1000,"physicalProgressPercent":30,"workersOnSite":0,
                     "siteState":"SUSPENDED","suspensionReason":"征迁未完成"}
                    """))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.admin()))
        .andExpect(jsonPath("$.warning.level").value("RED"))
        .andExpect(jsonPath("$.warning.reasons[0]").value("SITE_SUSPENDED"));
  }

  @Test
  void rulesAreReadByAllAndChangedByAnAdminOnly() throws Exception {
    mvc.perform(get("/api/warning-rules").with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paceYellowPoints").value(10))
        .andExpect(jsonPath("$.startSlipRedMonths").value(3));
    String lenient =
        """
        {"startSlipYellowMonths":0,"startSlipRedMonths":12,"paceYellowPoints":10,
         "paceRedPoints":30,"suspendedIsRed":true,"missingReportIsYellow":true}
        """;
    mvc.perform(
            put("/api/warning-rules")
                .with(TestUsers.managerJx())
                .contentType(MediaType.APPLICATION_JSON)
                .content(lenient))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/warning-rules")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(lenient.replace("30", "-1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("paceRedPoints"));

    String id = project("2026-02-01", "PRE_CONSTRUCTION");
    mvc.perform(
            put("/api/warning-rules")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(lenient))
        .andExpect(status().isOk());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.admin()))
        .andExpect(jsonPath("$.warning.level").value("YELLOW"));
  }

  @Test
  void whenTheMonthTurnsAMissingReportTurnsYellowAndRecordsOneReportMissingEvent()
      throws Exception {
    String id = project("2026-01-01", "UNDER_CONSTRUCTION");
    // building since September, nothing filed for October; the daily job runs after the 5th
    mongo.updateFirst(
        Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
        org.springframework.data.mongodb.core.query.Update.update(
            "actualStart", java.time.LocalDate.of(2026, 9, 1)),
        cn.gov.jx.majorprojects.projects.project.Project.class);
    warnings.recomputeAll();
    mvc.perform(get("/api/projects/" + id).with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.warning.level").value("YELLOW"))
        .andExpect(jsonPath("$.warning.reasons[0]").value("REPORT_MISSING"));
    List<Document> outbox =
        mongo.getCollection("projects").find().first().getList("outbox", Document.class);
    assertThat(outbox).hasSize(1);
    Document event = outbox.get(0);
    assertThat(event.getString("type")).isEqualTo("REPORT_MISSING");
    assertThat(event.getString("source")).isEqualTo("project-service");
    assertThat(event.get("subject", Document.class).getString("warning")).isEqualTo("YELLOW");
    assertThat(event.get("subject", Document.class).getString("ownerOrg"))
        .isEqualTo("org-nc-metro");
    assertThat(event.get("details", Document.class).getString("period")).isEqualTo("2026-10");

    // the next day's run finds it still missing: no second event
    warnings.recomputeAll();
    assertThat(mongo.getCollection("projects").find().first().getList("outbox", Document.class))
        .hasSize(1);

    mvc.perform(
            put("/api/projects/" + id + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":10,"physicalProgressPercent":5,"workersOnSite":20,
                     "siteState":"WORKING"}
                    """))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.warning.level").value("GREEN"));
  }

  static final String STRICT =
      """
      {"startSlipYellowMonths":0,"startSlipRedMonths":0,"paceYellowPoints":10,
       "paceRedPoints":30,"suspendedIsRed":true,"missingReportIsYellow":true}
      """;

  @Test
  void aPreviewCountsTheColourChangesOfCandidateRulesAndStoresNothing() throws Exception {
    String slipped = project("2026-10-01", "PRE_CONSTRUCTION"); // a month late: yellow today
    mongo
        .getCollection("projects")
        .updateOne(
            new Document("_id", new org.bson.types.ObjectId(slipped)),
            new Document("$set", new Document("code", "2026-360113-48-01-000202")));
    project("2026-01-01", "UNDER_CONSTRUCTION"); // green
    mvc.perform(get("/api/projects/" + slipped).with(TestUsers.admin()))
        .andExpect(jsonPath("$.warning.level").value("YELLOW"));
    String rulesBefore =
        mvc.perform(get("/api/warning-rules").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    // no slack for a slipped start: the yellow one would turn red, the building one stays green
    mvc.perform(
            post("/api/warning-rules/preview")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(STRICT))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.projects").value(2))
        .andExpect(jsonPath("$.changing").value(1))
        .andExpect(jsonPath("$.changes['YELLOW→RED']").value(1));
    // suspended sites no longer red and a late start never red: nothing would change
    mvc.perform(
            post("/api/warning-rules/preview")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(STRICT.replace("\"startSlipRedMonths\":0", "\"startSlipRedMonths\":36")))
        .andExpect(jsonPath("$.changing").value(0));

    // nothing stored: the rules and the lights are as they were
    mvc.perform(get("/api/warning-rules").with(TestUsers.admin()))
        .andExpect(
            result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(rulesBefore));
    mvc.perform(get("/api/projects/" + slipped).with(TestUsers.admin()))
        .andExpect(jsonPath("$.warning.level").value("YELLOW"));
    assertThat(mongo.getCollection("warning_rules").countDocuments()).isZero();
    // only the PROJECT_YELLOW of its creation waits in the outbox, nothing from the previews
    assertThat(
            mongo
                .getCollection("projects")
                .find(new Document("_id", new org.bson.types.ObjectId(slipped)))
                .first()
                .getList("outbox", Document.class))
        .extracting(e -> e.getString("type"))
        .containsExactly("PROJECT_YELLOW");
  }

  @Test
  void aPreviewIsForAdminsAndValidatedLikeAChange() throws Exception {
    project("2026-10-01", "PRE_CONSTRUCTION");
    for (var user : List.of(TestUsers.managerJx(), TestUsers.coordJx(), TestUsers.ownerHgt())) {
      mvc.perform(
              post("/api/warning-rules/preview")
                  .with(user)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(STRICT))
          .andExpect(status().isForbidden())
          .andExpect(
              org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                  .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    mvc.perform(
            post("/api/warning-rules/preview")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(STRICT.replace("\"paceRedPoints\":30", "\"paceRedPoints\":101")))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("paceRedPoints"));
    mvc.perform(
            post("/api/warning-rules/preview")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"startSlipYellowMonths\":0}"))
        .andExpect(status().isBadRequest());
    assertThat(mongo.getCollection("warning_rules").countDocuments()).isZero();
    mvc.perform(get("/api/projects").with(TestUsers.admin()))
        .andExpect(jsonPath("$.content[0].warning.level").value("YELLOW"));
  }

  @Test
  void turningYellowFromGreenRecordsOneProjectYellowEventForTheOwnersAndTheCounty()
      throws Exception {
    String id = project("2026-01-01", "UNDER_CONSTRUCTION");
    mvc.perform(
            put("/api/projects/" + id + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":780,"physicalProgressPercent":60,"workersOnSite":90,
                     "siteState":"WORKING"}
                    """))
        .andExpect(status().isCreated());
    // 780 of 1200 by the end of October is 65 % against 83.3 % of the year gone: yellow
    mvc.perform(
            put("/api/projects/" + id + "/plans/2026")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedInvestment\":1200}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/projects/" + id).with(TestUsers.admin()))
        .andExpect(jsonPath("$.warning.level").value("YELLOW"))
        .andExpect(jsonPath("$.warning.reasons[0]").value("BEHIND_PACE"));
    List<Document> outbox =
        mongo.getCollection("projects").find().first().getList("outbox", Document.class);
    assertThat(outbox).extracting(e -> e.getString("type")).containsExactly("PROJECT_YELLOW");
    Document subject = outbox.get(0).get("subject", Document.class);
    assertThat(subject.getString("warning")).isEqualTo("YELLOW");
    assertThat(subject.getString("projectRegion")).isEqualTo("360113");
    assertThat(subject.getString("ownerOrg")).isEqualTo("org-nc-metro");
    assertThat(outbox.get(0).get("details", Document.class).getList("reasons", String.class))
        .containsExactly("BEHIND_PACE");

    // staying yellow records nothing more
    warnings.recomputeAll();
    assertThat(mongo.getCollection("projects").find().first().getList("outbox", Document.class))
        .hasSize(1);
  }
}
