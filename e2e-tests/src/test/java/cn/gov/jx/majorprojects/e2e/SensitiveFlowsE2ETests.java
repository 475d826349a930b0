package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.issueBody;
import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.write;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** OWASP API6: the idempotent intake cannot be used to read someone else's case. */
class SensitiveFlowsE2ETests {

  static String ganzhouProject() {
    String code = "2026-360702-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    HttpResponse<String> project =
        write(
            "POST",
            "/api/projects",
            token("admin"),
            """
            {"code":"%s","name":"章贡区供电工程","level":"COUNTY","regionCode":"360702",
             "industry":"ENERGY","ownerOrg":"org-gz-energy","ownerOrgName":"赣州能源集团",
             "totalInvestment":5000,"plannedStart":"2026-03-01","plannedFinish":"2027-12-31",
             "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
                .formatted(code),
            null);
    assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
    return json(project).get("id").asString();
  }

  @Test
  void theSameIdempotencyKeyFromAnotherOwnerIsNeverTheFirstOwnersCase() {
    String key = "shared-" + UUID.randomUUID();
    String honggutan = IssuesE2ETests.honggutanProject();
    HttpResponse<String> first =
        write("POST", "/api/issues", token("owner.hgt"), issueBody(honggutan, "红谷滩征迁"), key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String firstId = json(first).get("id").asString();

    // the same key and the very same body from an owner of another org: not a replay for them
    HttpResponse<String> replayed =
        write("POST", "/api/issues", token("owner.zg"), issueBody(honggutan, "红谷滩征迁"), key);
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(404);
    assertThat(replayed.body()).doesNotContain(firstId).doesNotContain("红谷滩征迁");

    // with its own project the same key is simply a new case of its own
    HttpResponse<String> own =
        write("POST", "/api/issues", token("owner.zg"), issueBody(ganzhouProject(), "章贡供电"), key);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(json(own).get("id").asString()).isNotEqualTo(firstId);
    assertThat(json(own).get("title").asString()).isEqualTo("章贡供电");
  }
}
