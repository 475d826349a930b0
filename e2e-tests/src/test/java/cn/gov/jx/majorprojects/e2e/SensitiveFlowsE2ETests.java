package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.issueBody;
import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.write;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OWASP API6: the idempotent intake cannot be used to read someone else's case. */
class SensitiveFlowsE2ETests {

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
    String ganzhouProject =
        new ProjectsE2ETests().createAs("admin", "360702", "org-gz-energy", "章贡区供电工程");
    HttpResponse<String> own =
        write("POST", "/api/issues", token("owner.zg"), issueBody(ganzhouProject, "章贡供电"), key);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(json(own).get("id").asString()).isNotEqualTo(firstId);
    assertThat(json(own).get("title").asString()).isEqualTo("章贡供电");
  }
}
