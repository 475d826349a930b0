package cn.gov.jx.majorprojects.issues.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accountability rows and the coordination figures, from counters kept on write. Runs in June 2027
 * in Zhanggong (360702), where no other test's cases are, so the figures are exact.
 */
class AccountabilityApplicationTests extends CaseApplicationTestSupport {

  static final Instant JUNE_1 = Instant.parse("2027-06-01T02:00:00Z"); // Tue 10:00 Shanghai
  static final Instant JUNE_9 = Instant.parse("2027-06-09T01:00:00Z"); // county deadline passed
  static final Instant JUNE_11 = Instant.parse("2027-06-11T02:00:00Z");
  static final Instant JUNE_20 = Instant.parse("2027-06-20T02:00:00Z");

  @Autowired EscalationSweep sweep;

  @Test
  void rowsPerHandlingUnitAndFiguresPerProjectCounty() throws Exception {
    clock.set(JUNE_1);
    String x = submit(TestUsers.ownerZg(), "p-zg", "按期办结");
    act(x, "accept", TestUsers.coordZg(), null).andExpect(status().isOk());
    act(x, "resolve", TestUsers.coordZg(), "{\"resolution\":\"已办结\"}").andExpect(status().isOk());
    act(x, "confirm", TestUsers.ownerZg(), null).andExpect(status().isOk());
    String y = submit(TestUsers.ownerZg(), "p-zg", "超期上交");

    clock.set(JUNE_9);
    sweep.sweep(); // y is overdue at county: up to Ganzhou for lateness
    act(y, "accept", TestUsers.coordGz(), null).andExpect(status().isOk());
    act(y, "return", TestUsers.coordGz(), "{\"instruction\":\"区里办\"}").andExpect(status().isOk());
    act(y, "accept", TestUsers.coordZg(), null).andExpect(status().isOk());
    String z = submit(TestUsers.ownerZg(), "p-zg", "一直未办");

    clock.set(JUNE_11);
    act(y, "resolve", TestUsers.coordZg(), "{\"resolution\":\"办结\"}").andExpect(status().isOk());
    act(y, "reopen", TestUsers.ownerZg(), "{\"reason\":\"未解决\"}").andExpect(status().isOk());

    clock.set(JUNE_20);
    String json =
        mvc.perform(
                get("/api/accountability?regionCode=360700&from=2027-06&to=2027-06")
                    .with(TestUsers.coordGz()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, Object> zg = row(json, "360702");
    assertThat(zg)
        .containsEntry("received", 4)
        .containsEntry("accepted", 2)
        .containsEntry("acceptedWithinDeadline", 2)
        .containsEntry("resolved", 2)
        .containsEntry("resolvedOnTime", 2)
        .containsEntry("onTimeRate", 1.0)
        .containsEntry("overdueNow", 2)
        .containsEntry("escalatedAway", 1)
        .containsEntry("escalatedForLateness", 1)
        .containsEntry("returnedDown", 0)
        .containsEntry("reopened", 1)
        // x took 0 working days, y 2 (Thu 10, Fri 11 June) after its return
        .containsEntry("medianWorkingDaysToResolve", 1.0);
    double hours =
        (Duration.between(JUNE_1, JUNE_9).getSeconds()
                + Duration.between(JUNE_9, JUNE_11).getSeconds())
            / 3600.0;
    assertThat(((Number) zg.get("hoursHolding")).doubleValue()).isCloseTo(hours, within(0.01));
    Map<String, Object> gz = row(json, "360700");
    assertThat(gz).containsEntry("returnedDown", 1).containsEntry("bounced", 1);

    // another month has none of the counts; "overdue now" is about now, whatever the period
    String may =
        mvc.perform(
                get("/api/accountability?regionCode=360702&from=2027-05&to=2027-05")
                    .with(TestUsers.managerJx()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(row(may, "360702"))
        .containsEntry("received", 0)
        .containsEntry("resolved", 0)
        .containsEntry("overdueNow", 2);

    String figures =
        mvc.perform(
                get("/internal/coordination-stats?regionCode=360700&year=2027")
                    .with(TestUsers.serviceClient()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(figures, "$.regionCode")).isEqualTo("360700");
    assertThat(JsonPath.<Integer>read(figures, "$.year")).isEqualTo(2027);
    Map<String, Object> child =
        JsonPath.<List<Map<String, Object>>>read(figures, "$.children[?(@.regionCode=='360702')]")
            .get(0);
    // x, y, z reported; x resolved on time; y's resolution was taken back by its reopening
    assertThat(child).containsEntry("received", 3).containsEntry("resolved", 1);
    assertThat(child).containsEntry("resolvedOnTime", 1);
    assertThat(((Number) child.get("overdueNow")).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(JsonPath.<Integer>read(figures, "$.received")).isGreaterThanOrEqualTo(3);
    assertThat(z).isNotNull();
  }

  @Test
  void ownersAreRefusedAndOtherRegionsAreNotFound() throws Exception {
    mvc.perform(get("/api/accountability?regionCode=360702").with(TestUsers.ownerZg()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/accountability?regionCode=360700").with(TestUsers.coordHgt()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accountability?regionCode=360100&from=2027-13").with(TestUsers.managerNc()))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/internal/coordination-stats?regionCode=360100&year=2026")
                .with(TestUsers.managerJx()))
        .andExpect(status().isForbidden());
  }

  static Map<String, Object> row(String json, String region) {
    List<Map<String, Object>> rows =
        JsonPath.read(json, "$.rows[?(@.regionCode=='" + region + "')]");
    assertThat(rows).as("row of " + region + " in " + json).hasSize(1);
    return rows.get(0);
  }

  static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
