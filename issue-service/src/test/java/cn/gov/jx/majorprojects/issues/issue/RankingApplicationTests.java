package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The monthly ranking (红黑榜), in March 2029 where no other test counts. */
class RankingApplicationTests extends CaseApplicationTestSupport {

  static final Instant MARCH_1 = Instant.parse("2029-03-01T02:00:00Z"); // Thu 10:00 Shanghai

  void resolve(RequestPostProcessor owner, String project, RequestPostProcessor coord, String title)
      throws Exception {
    String id = submit(owner, project, title);
    act(id, "accept", coord, null).andExpect(status().isOk());
    act(id, "resolve", coord, "{\"resolution\":\"已办结\"}").andExpect(status().isOk());
  }

  String ranking(String query, RequestPostProcessor user) throws Exception {
    return mvc.perform(get("/api/accountability/ranking?" + query).with(user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void bestAndWorstUnitsWithEnoughCasesFrozenWithAChainedHashOnceTheMonthIsOver() throws Exception {
    clock.set(MARCH_1);
    for (int i = 0; i < 3; i++) {
      resolve(TestUsers.ownerZg(), "p-zg", TestUsers.coordZg(), "章贡按期" + i);
      if (i < 2) {
        resolve(TestUsers.ownerHgt(), "p-hgt", TestUsers.coordHgt(), "红谷滩按期" + i);
      }
    }
    String late = submit(TestUsers.ownerHgt(), "p-hgt", "红谷滩超期");
    act(late, "accept", TestUsers.coordHgt(), null).andExpect(status().isOk());
    // a unit with a single resolution is not ranked (Ganzhou)
    String small = submit(TestUsers.ownerZg(), "p-zg", "赣州单件");
    act(small, "escalate", TestUsers.coordZg(), "{\"reason\":\"需市里\"}").andExpect(status().isOk());
    act(small, "accept", TestUsers.coordGz(), null).andExpect(status().isOk());
    act(small, "resolve", TestUsers.coordGz(), "{\"resolution\":\"办结\"}")
        .andExpect(status().isOk());
    clock.set(Instant.parse("2029-03-20T02:00:00Z"));
    act(late, "resolve", TestUsers.coordHgt(), "{\"resolution\":\"迟办\"}")
        .andExpect(status().isOk());

    String live = ranking("period=2029-03&regionCode=360000", TestUsers.managerJx());
    assertThat(JsonPath.<Boolean>read(live, "$.frozen")).isFalse();
    assertThat(JsonPath.<Object>read(live, "$.hash")).isNull();
    assertThat(JsonPath.<Object>read(live, "$.levels[?(@.level=='COUNTY')].eligible").toString())
        .isEqualTo("[2]");
    assertThat(JsonPath.<String>read(live, "$.levels[0].best[0].regionCode")).isEqualTo("360702");
    assertThat(JsonPath.<Double>read(live, "$.levels[0].best[0].onTimeRate")).isEqualTo(1.0);
    assertThat(JsonPath.<String>read(live, "$.levels[0].worst[0].regionCode")).isEqualTo("360113");
    assertThat(JsonPath.<Double>read(live, "$.levels[0].worst[0].onTimeRate")).isEqualTo(0.667);
    assertThat(JsonPath.<Object>read(live, "$.levels[?(@.level=='CITY')]").toString())
        .isEqualTo("[]");

    // April: March is frozen on its first reading, with a hash chained to genesis
    clock.set(Instant.parse("2029-04-02T02:00:00Z"));
    String frozen = ranking("period=2029-03&regionCode=360000", TestUsers.managerJx());
    assertThat(JsonPath.<Boolean>read(frozen, "$.frozen")).isTrue();
    assertThat(JsonPath.<Boolean>read(frozen, "$.intact")).isTrue();
    assertThat(JsonPath.<String>read(frozen, "$.previousHash")).isEqualTo("0".repeat(64));
    String hash = JsonPath.read(frozen, "$.hash");
    assertThat(hash).matches("[0-9a-f]{64}");

    // a late counter for March changes nothing published
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is("HANDLER:360113:2029")),
        new Update().inc("months.03.resolvedOnTime", 1),
        "region_stats");
    String again = ranking("period=2029-03&regionCode=360000", TestUsers.coordJx());
    assertThat(JsonPath.<String>read(again, "$.hash")).isEqualTo(hash);
    assertThat(JsonPath.<Double>read(again, "$.levels[0].worst[0].onTimeRate")).isEqualTo(0.667);

    // April, frozen in May, is chained to March
    clock.set(Instant.parse("2029-05-02T02:00:00Z"));
    String april = ranking("period=2029-04&regionCode=360000", TestUsers.managerJx());
    assertThat(JsonPath.<String>read(april, "$.previousHash")).isEqualTo(hash);

    // a tampered snapshot is reported, not hidden
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is("360000:2029-03")),
        new Update().set("levels.0.best.0.onTimeRate", 0.5),
        "ranking_snapshots");
    assertThat(
            JsonPath.<Boolean>read(
                ranking("period=2029-03&regionCode=360000", TestUsers.managerJx()), "$.intact"))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"period=2029-13", "period=", "period=2099-01", "period=march"})
  void badPeriodsAre400(String query) throws Exception {
    mvc.perform(get("/api/accountability/ranking?" + query).with(TestUsers.managerJx()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void ownersAre403AndAnotherRegionIs404() throws Exception {
    mvc.perform(get("/api/accountability/ranking?period=2026-11").with(TestUsers.ownerHgt()))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/accountability/ranking?period=2026-11&regionCode=360700")
                .with(TestUsers.managerNc()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    // without regionCode: the caller's own region
    mvc.perform(get("/api/accountability/ranking?period=2026-11").with(TestUsers.managerNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("360100"));
  }
}
