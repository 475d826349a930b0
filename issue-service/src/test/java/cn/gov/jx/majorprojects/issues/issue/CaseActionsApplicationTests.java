package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/** The case actions, the thread, the timeline and the list, against a stand-in project-service. */
class CaseActionsApplicationTests extends CaseApplicationTestSupport {

  @Test
  void fullFlowSubmitAcceptEscalateCityAcceptResolveConfirmKeepsAnIntactTimeline()
      throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "盾构进场受阻");
    act(id, "accept", TestUsers.coordHgt(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    clock.advance(Duration.ofDays(1));
    Instant escalatedAt = clock.instant();
    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"需市级协调征迁资金\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.level").value("CITY"))
        .andExpect(jsonPath("$.handlingRegion").value("360100"))
        .andExpect(jsonPath("$.regionsPassed[1]").value("360100"))
        .andExpect(
            jsonPath("$.dueAt")
                .value(calendars.workingCalendar().deadline(escalatedAt, 10).toString()));
    // the county no longer holds it; the city does
    act(id, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"x\"}")
        .andExpect(status().isConflict());
    act(id, "accept", TestUsers.coordNc(), null).andExpect(status().isOk());
    act(id, "resolve", TestUsers.coordNc(), "{\"resolution\":\"市里协调资金到位\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RESOLVED"))
        .andExpect(jsonPath("$.resolution").value("市里协调资金到位"));
    act(id, "confirm", TestUsers.ownerHgt(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"));

    mvc.perform(get("/api/issues/" + id + "/timeline").with(TestUsers.managerJx()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(6))
        .andExpect(jsonPath("$[0].type").value("SUBMITTED"))
        .andExpect(jsonPath("$[1].type").value("ACCEPTED"))
        .andExpect(jsonPath("$[2].type").value("ESCALATED"))
        .andExpect(jsonPath("$[2].fromRegion").value("360113"))
        .andExpect(jsonPath("$[2].toRegion").value("360100"))
        .andExpect(jsonPath("$[2].details.reason").value("需市级协调征迁资金"))
        .andExpect(jsonPath("$[3].actor").value("coord.nc"))
        .andExpect(jsonPath("$[4].type").value("RESOLVED"))
        .andExpect(jsonPath("$[5].type").value("CLOSED"))
        .andExpect(jsonPath("$[5].actor").value("owner.hgt"));
    mvc.perform(get("/api/issues/" + id + "/timeline/verify").with(TestUsers.ownerHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.intact").value(true))
        .andExpect(jsonPath("$.entries").value(6));

    // every entry is also waiting as an event in the same document, in order
    List<Document> outbox = stored(id).getList("outbox", Document.class);
    assertThat(outbox.stream().map(e -> e.getString("type")))
        .containsExactly("SUBMITTED", "ACCEPTED", "ESCALATED", "ACCEPTED", "RESOLVED", "CLOSED");
    Document escalated = outbox.get(2);
    assertThat(escalated.get("sequence", Number.class).intValue()).isEqualTo(3);
    assertThat(escalated.get("subject", Document.class).getString("handlingRegion"))
        .isEqualTo("360100");
    assertThat(escalated.get("details", Document.class).getString("fromRegion"))
        .isEqualTo("360113");
  }

  @Test
  void aTamperedTimelineIsReportedBroken() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "篡改");
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().set("timeline.1.actor", "someone.else"),
        "issues");
    mvc.perform(get("/api/issues/" + id + "/timeline/verify").with(TestUsers.coordHgt()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.intact").value(false))
        .andExpect(jsonPath("$.firstBrokenSequence").value(2));
  }

  @Test
  void whoMayActOnACase() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "权限");
    // cannot see it: 404 on the case and on everything under it
    act(id, "accept", TestUsers.coordGz(), null).andExpect(status().isNotFound());
    act(id, "escalate", TestUsers.coordZg(), "{\"reason\":\"x\"}").andExpect(status().isNotFound());
    act(id, "confirm", TestUsers.ownerZg(), null).andExpect(status().isNotFound());
    mvc.perform(get("/api/issues/" + id + "/timeline").with(TestUsers.coordGz()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/issues/" + id + "/timeline/verify").with(TestUsers.ownerZg()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/issues/" + id + "/messages").with(TestUsers.coordGz()))
        .andExpect(status().isNotFound());
    act(id, "messages", TestUsers.coordGz(), "{\"body\":\"x\"}").andExpect(status().isNotFound());
    act(id, "accept", TestUsers.user("nobody", "coordinator", "999999"), null)
        .andExpect(status().isNotFound());

    // sees it but does not hold it: 403
    act(id, "accept", TestUsers.managerNc(), null).andExpect(status().isForbidden());
    act(id, "accept", TestUsers.coordNc(), null).andExpect(status().isForbidden());
    act(id, "escalate", TestUsers.ownerHgt(), "{\"reason\":\"x\"}")
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    act(id, "return", TestUsers.coordJx(), "{\"instruction\":\"x\"}")
        .andExpect(status().isForbidden());
    act(id, "confirm", TestUsers.coordHgt(), null).andExpect(status().isForbidden());
    act(id, "reopen", TestUsers.managerJx(), "{\"reason\":\"x\"}")
        .andExpect(status().isForbidden());

    // nothing of that changed the case
    assertThat(stored(id).getList("timeline", Document.class)).hasSize(1);
    assertThat(stored(id).getString("status")).isEqualTo("OPEN");
  }

  @Test
  void wrongStateAndStaleVersionsAre409() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "状态");
    act(id, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"x\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("accepted")));
    act(id, "confirm", TestUsers.ownerHgt(), null).andExpect(status().isConflict());
    act(id, "return", TestUsers.coordHgt(), "{\"instruction\":\"x\"}")
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/issues/" + id + "/accept")
                .with(TestUsers.coordHgt())
                .header("If-Match", "\"7\""))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/issues/" + id + "/accept")
                .with(TestUsers.coordHgt())
                .header("If-Match", "\"0\""))
        .andExpect(status().isOk());
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isConflict());

    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"a\"}").andExpect(status().isOk());
    act(id, "escalate", TestUsers.coordNc(), "{\"reason\":\"b\"}").andExpect(status().isOk());
    act(id, "escalate", TestUsers.coordJx(), "{\"reason\":\"c\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("province")));
  }

  @Test
  void badBodiesAre400WithFieldsAndChangeNothing() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "输入");
    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
    act(id, "messages", TestUsers.ownerHgt(), "{\"body\":\"%s\"}".formatted("长".repeat(5001)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("body")));
    mvc.perform(get("/api/issues?size=101").with(TestUsers.coordHgt()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("size")));
    mvc.perform(get("/api/issues?sort=description,asc").with(TestUsers.coordHgt()))
        .andExpect(status().isBadRequest());
    assertThat(stored(id).getList("timeline", Document.class)).hasSize(1);
    assertThat(mongo.count(Query.query(Criteria.where("issueId").is(id)), "issue_messages"))
        .isZero();
  }

  @Test
  void returnGoesDownToTheRegionItCameFromAndReopenStaysAtTheLevel() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "退回");
    act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"上报\"}").andExpect(status().isOk());
    clock.advance(Duration.ofDays(2));
    Instant returnedAt = clock.instant();
    act(id, "return", TestUsers.coordNc(), "{\"instruction\":\"区里先核实征迁范围\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.level").value("COUNTY"))
        .andExpect(jsonPath("$.handlingRegion").value("360113"))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(
            jsonPath("$.dueAt")
                .value(calendars.workingCalendar().deadline(returnedAt, 5).toString()));
    act(id, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    act(id, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"已核实\"}").andExpect(status().isOk());
    act(id, "reopen", TestUsers.ownerHgt(), "{\"reason\":\"问题仍在\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
        .andExpect(jsonPath("$.level").value("COUNTY"))
        .andExpect(jsonPath("$.handlingRegion").value("360113"));
    mvc.perform(get("/api/issues/" + id + "/timeline").with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$[2].type").value("RETURNED"))
        .andExpect(jsonPath("$[2].details.instruction").value("区里先核实征迁范围"))
        .andExpect(jsonPath("$[5].type").value("REOPENED"));
  }

  @Test
  void twentyParallelEscalationsLetExactlyOneThrough() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "并发升级");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(
            () -> {
              start.await();
              return act(id, "escalate", TestUsers.coordHgt(), "{\"reason\":\"并发\"}")
                  .andReturn()
                  .getResponse()
                  .getStatus();
            });
      }
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> call : calls) {
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
    } finally {
      pool.shutdownNow();
    }
    Document issue = stored(id);
    assertThat(issue.getString("level")).isEqualTo("CITY");
    assertThat(issue.getList("timeline", Document.class)).hasSize(2);
    assertThat(issue.getList("outbox", Document.class)).hasSize(2);
  }

  @Test
  void theThreadIsOpenToEveryoneWhoSeesTheCaseOldestFirst() throws Exception {
    String id = submit(TestUsers.ownerHgt(), "p-hgt", "讨论");
    for (int i = 1; i <= 3; i++) {
      clock.advance(Duration.ofMinutes(1));
      act(
              id,
              "messages",
              i == 2 ? TestUsers.coordNc() : TestUsers.ownerHgt(),
              "{\"body\":\"第" + i + "条\"}")
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.body").value("第" + i + "条"));
    }
    mvc.perform(get("/api/issues/" + id + "/messages?size=2").with(TestUsers.managerJx()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalElements").value(3))
        .andExpect(jsonPath("$.content[0].body").value("第1条"))
        .andExpect(jsonPath("$.content[1].author").value("coord.nc"));
    mvc.perform(get("/api/issues/" + id + "/messages?size=2&page=1").with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.content[0].body").value("第3条"));
    mvc.perform(get("/api/issues/" + id + "/timeline").with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$[1].type").value("MESSAGE_POSTED"))
        .andExpect(jsonPath("$[1].details.body").value("第1条"));
  }

  @Test
  void theListIsScopedInTheQueryAndFiltered() throws Exception {
    String hgt = submit(TestUsers.ownerHgt(), "p-hgt", "列表红谷滩");
    String zg = submit(TestUsers.ownerZg(), "p-zg", "列表章贡");
    act(zg, "escalate", TestUsers.coordZg(), "{\"reason\":\"x\"}").andExpect(status().isOk());

    String gz =
        mvc.perform(get("/api/issues?size=100").with(TestUsers.coordGz()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> gzIds = JsonPath.read(gz, "$.content[*].id");
    assertThat(gzIds).contains(zg).doesNotContain(hgt);
    String owner =
        mvc.perform(get("/api/issues?size=100").with(TestUsers.ownerHgt()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(owner, "$.content[*].id"))
        .contains(hgt)
        .doesNotContain(zg);

    String cities =
        mvc.perform(get("/api/issues?level=CITY&size=100").with(TestUsers.managerJx()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(cities, "$.content[*].id"))
        .contains(zg)
        .doesNotContain(hgt);
    String byRegion =
        mvc.perform(get("/api/issues?regionCode=360100&size=100").with(TestUsers.managerJx()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(byRegion, "$.content[*].id"))
        .contains(hgt)
        .doesNotContain(zg);
    String q =
        mvc.perform(get("/api/issues?q=章贡&size=100").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(q, "$.content[*].id")).contains(zg).doesNotContain(hgt);

    // six working weeks later both are overdue
    clock.advance(Duration.ofDays(42));
    String overdue =
        mvc.perform(get("/api/issues?overdue=true&size=100").with(TestUsers.managerJx()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(overdue, "$.content[*].id")).contains(hgt, zg);
    assertThat(JsonPath.<List<String>>read(overdue, "$.content[*].warning")).containsOnly("RED");
  }
}
