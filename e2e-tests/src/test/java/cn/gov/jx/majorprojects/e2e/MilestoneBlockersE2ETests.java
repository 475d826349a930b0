package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A blocker naming a milestone of this year's plan: issue-service's relay tells project-service,
 * whose plan view and dashboard show the investment at risk until the case is resolved and closed.
 */
class MilestoneBlockersE2ETests {

  static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

  static JsonNode dashboard() {
    HttpResponse<String> answer =
        get("/api/dashboard?regionCode=360113&year=" + YEAR, token("coord.hgt"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  static JsonNode plan(String projectId) {
    HttpResponse<String> answer =
        get("/api/projects/" + projectId + "/plans/" + YEAR, token("coord.hgt"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  /**
   * Gives the project this year's plan of 2400 with milestones at the end of June and of December;
   * answers the June one's id (it leaves 6 months of the plan after it: 1200 at risk when held up).
   */
  static String plan2400(String projectId) {
    HttpResponse<String> planned =
        ProjectsE2ETests.write(
            "PUT",
            "/api/projects/" + projectId + "/plans/" + YEAR,
            token("admin"),
            """
            {"plannedInvestment":2400,"milestones":[
              {"name":"管廊主体贯通","plannedDate":"%d-06-30"},
              {"name":"竣工验收","plannedDate":"%d-12-31"}]}
            """
                .formatted(YEAR, YEAR));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
    return json(planned).get("milestones").get(0).get("id").asString();
  }

  @Test
  void aBlockerHoldsUpItsMilestonesInvestmentOnThePlanAndTheDashboardUntilItIsClosed() {
    String projectId = IssuesE2ETests.honggutanProject("红谷滩管廊（里程碑受阻）").get("id").asString();
    String milestone = plan2400(projectId);
    JsonNode before = dashboard();
    double atRiskBefore = before.get("investmentAtRisk").asDouble();
    long slippingBefore = before.get("milestonesSlipping").asLong();

    String body =
        """
        {"projectId":"%s","title":"管廊征迁受阻","description":"征迁未完成，主体无法贯通",
         "category":"DEMOLITION","urgency":"URGENT","milestoneIds":["%s"]}"""
            .formatted(projectId, "%s");
    HttpResponse<String> unknown =
        IssuesE2ETests.write(
            "POST", "/api/issues", token("owner.hgt"), body.formatted("no-such-ms"), null);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("milestoneIds");

    HttpResponse<String> created =
        IssuesE2ETests.write(
            "POST", "/api/issues", token("owner.hgt"), body.formatted(milestone), null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode issue = json(created);
    assertThat(issue.get("milestoneIds").get(0).asString()).isEqualTo(milestone);
    String id = issue.get("id").asString();
    String number = issue.get("number").asString();

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              JsonNode plan = plan(projectId);
              JsonNode first = plan.get("milestones").get(0);
              assertThat(first.get("blockers").toString()).contains(number);
              assertThat(first.get("investmentAtRisk").asDouble()).isEqualTo(1200.0);
              assertThat(first.get("slipDays").asLong()).isPositive();
              assertThat(plan.get("investmentAtRisk").asDouble()).isEqualTo(1200.0);
              JsonNode now = dashboard();
              assertThat(now.get("investmentAtRisk").asDouble()).isEqualTo(atRiskBefore + 1200.0);
              assertThat(now.get("milestonesSlipping").asLong()).isEqualTo(slippingBefore + 1);
            });

    assertThat(IssuesE2ETests.act(id, "accept", "coord.hgt", "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> resolved =
        IssuesE2ETests.act(id, "resolve", "coord.hgt", "{\"resolution\":\"征迁已完成\"}");
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    HttpResponse<String> closed = IssuesE2ETests.act(id, "confirm", "owner.hgt", "{}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              JsonNode plan = plan(projectId);
              assertThat(plan.get("milestones").get(0).get("blockers").size()).isZero();
              assertThat(plan.get("investmentAtRisk").asDouble()).isZero();
              JsonNode now = dashboard();
              assertThat(now.get("investmentAtRisk").asDouble()).isEqualTo(atRiskBefore);
              assertThat(now.get("milestonesSlipping").asLong()).isEqualTo(slippingBefore);
            });
  }
}
