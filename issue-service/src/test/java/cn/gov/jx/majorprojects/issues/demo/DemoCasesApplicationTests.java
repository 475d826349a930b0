package cn.gov.jx.majorprojects.issues.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.issues.deadline.Warning;
import cn.gov.jx.majorprojects.issues.issue.CaseRulebook;
import cn.gov.jx.majorprojects.issues.issue.Issue;
import cn.gov.jx.majorprojects.issues.issue.IssueStatus;
import cn.gov.jx.majorprojects.issues.issue.IssueView;
import cn.gov.jx.majorprojects.issues.issue.TimelineVerification;
import cn.gov.jx.majorprojects.issues.sweep.EscalationSweep;
import cn.gov.jx.majorprojects.support.region.RegionLevel;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo set with the switch on: WireMock stands in for project-service (the two demo owners'
 * projects) and notification-service; the loader runs by itself after start-up.
 */
@SpringBootTest(
    properties = {
      "management.server.port=0",
      "issues.scheduling-enabled=false",
      "issues.demo.enabled=true",
      "issues.demo.retry-interval=50ms"
    })
@AutoConfigureMockMvc
@Import(EmbeddedMongoConfiguration.class)
class DemoCasesApplicationTests {

  static final WireMockServer remote =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    remote.start();
    remote.stubFor(
        WireMock.post(urlEqualTo("/realms/majorprojects/protocol/openid-connect/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"svc-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    remote.stubFor(
        WireMock.get(urlPathEqualTo("/internal/projects"))
            .withQueryParam("ownerOrg", WireMock.equalTo("org-nc-metro"))
            .willReturn(
                okJson(
                    """
                    [{"id":"p-hgt-1","code":"2026-360113-10-01-900001","name":"红谷滩区快速路项目",
                      "level":"PROVINCIAL","regionCode":"360113","ownerOrg":"org-nc-metro",
                      "ownerOrgName":"南昌轨道交通集团","status":"UNDER_CONSTRUCTION"},
                     {"id":"p-hgt-2","code":"2026-360113-11-01-900003","name":"红谷滩区污水处理厂项目",
                      "level":"CITY","regionCode":"360113","ownerOrg":"org-nc-metro",
                      "ownerOrgName":"南昌轨道交通集团","status":"UNDER_CONSTRUCTION"},
                     {"id":"p-hgt-3","code":"2026-360113-16-01-900005","name":"红谷滩区安置房项目",
                      "level":"COUNTY","regionCode":"360113","ownerOrg":"org-nc-metro",
                      "ownerOrgName":"南昌轨道交通集团","status":"PRE_CONSTRUCTION"}]""")));
    remote.stubFor(
        WireMock.get(urlPathEqualTo("/internal/projects"))
            .withQueryParam("ownerOrg", WireMock.equalTo("org-gz-energy"))
            .willReturn(
                okJson(
                    """
                    [{"id":"p-zg-1","code":"2026-360702-12-01-900101","name":"章贡区光伏电站项目",
                      "level":"CITY","regionCode":"360702","ownerOrg":"org-gz-energy",
                      "ownerOrgName":"赣州能源集团","status":"UNDER_CONSTRUCTION"},
                     {"id":"p-zg-2","code":"2026-360702-12-01-900103","name":"章贡区物流园项目",
                      "level":"COUNTY","regionCode":"360702","ownerOrg":"org-gz-energy",
                      "ownerOrgName":"赣州能源集团","status":"UNDER_CONSTRUCTION"}]""")));
    remote.stubFor(
        WireMock.post(urlEqualTo("/internal/events")).willReturn(aResponse().withStatus(202)));
    // this year's milestones: June's done, the third quarter's and December's open (as
    // project-service's demo plans them); p-zg-2 has no plan
    for (String project : List.of("p-hgt-1", "p-hgt-3", "p-zg-1")) {
      remote.stubFor(
          WireMock.get(urlPathEqualTo("/internal/projects/" + project + "/milestones"))
              .willReturn(
                  okJson(
                      ("{\"projectId\":\"%s\",\"year\":2026,\"milestones\":["
                              + "{\"id\":\"ms-dec-%s\",\"name\":\"年度投资计划完成\",\"plannedDate\":\"2026-12-31\",\"done\":false},"
                              + "{\"id\":\"ms-jun-%s\",\"name\":\"上半年形象进度目标\",\"plannedDate\":\"2026-06-30\",\"done\":true},"
                              + "{\"id\":\"ms-q3-%s\",\"name\":\"主体工程阶段验收\",\"plannedDate\":\"2026-09-30\",\"done\":false}]}")
                          .formatted(project, project, project, project))));
    }
  }

  @DynamicPropertySource
  static void remotes(DynamicPropertyRegistry registry) {
    registry.add("issues.project-service-url", remote::baseUrl);
    registry.add("issues.notification-service-url", remote::baseUrl);
    registry.add(
        "spring.security.oauth2.client.provider.keycloak.token-uri",
        () -> remote.baseUrl() + "/realms/majorprojects/protocol/openid-connect/token");
  }

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired DemoCases demo;
  @Autowired CaseRulebook rulebook;
  @Autowired EscalationSweep sweep;
  @Autowired Clock clock;

  @BeforeEach
  void loaded() throws InterruptedException {
    for (int i = 0; i < 600 && !"done".equals(markerState()); i++) {
      Thread.sleep(50);
    }
    assertThat(markerState()).isEqualTo("done");
  }

  private String markerState() {
    Document marker = mongo.findById(DemoCases.MARKER, Document.class, DemoCases.COLLECTION);
    return marker == null ? null : marker.getString("state");
  }

  private List<IssueView> views() {
    Instant now = clock.instant();
    return mongo.findAll(Issue.class).stream()
        .map(i -> i.view(rulebook.current().calendar(), now))
        .toList();
  }

  @Test
  void theDemoSetIsLoadedOnceAndASecondRunAddsNothing() {
    long cases = mongo.count(new Query(), Issue.class);
    assertThat(cases).isEqualTo(9);
    assertThat(demo.loadOnce()).isZero();
    assertThat(mongo.count(new Query(), Issue.class)).isEqualTo(cases);
    // numbered like reported cases, one after the other
    assertThat(views().stream().map(IssueView::number).collect(Collectors.toSet()))
        .hasSize(9)
        .allMatch(n -> n.matches("JX-\\d{4}-\\d{6}"));
  }

  @Test
  void everyDemoTimelineVerifiesIntactAlsoAfterTheSweepHasDoneItsPart() throws Exception {
    sweep.sweep();
    for (Issue issue : mongo.findAll(Issue.class)) {
      TimelineVerification verification = TimelineVerification.of(issue.timeline());
      assertThat(verification.intact()).as(issue.number()).isTrue();
      mvc.perform(get("/api/issues/" + issue.id() + "/timeline/verify").with(TestUsers.coordJx()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.intact").value(true));
    }
    // the red county case is escalated to 南昌市 by the sweep, as any late case would be
    IssueView red =
        views().stream()
            .filter(v -> v.title().startsWith("九龙湖片区征地补偿标准争议"))
            .findFirst()
            .orElseThrow();
    assertThat(red.level()).isEqualTo(RegionLevel.CITY);
    assertThat(red.handlingRegion()).isEqualTo("360100");
  }

  @Test
  void theStoryHasEveryLevelColourAndEnding() {
    List<IssueView> views = views();
    Map<Warning, Long> colours =
        views.stream()
            .filter(v -> v.status() == IssueStatus.OPEN || v.status() == IssueStatus.IN_PROGRESS)
            .collect(Collectors.groupingBy(IssueView::warning, Collectors.counting()));
    assertThat(colours.keySet())
        .containsExactlyInAnyOrder(Warning.GREEN, Warning.YELLOW, Warning.RED);
    assertThat(views.stream().map(IssueView::level).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(RegionLevel.COUNTY, RegionLevel.CITY, RegionLevel.PROVINCE);
    IssueView twice =
        views.stream().filter(v -> v.level() == RegionLevel.PROVINCE).findFirst().orElseThrow();
    assertThat(twice.regionsPassed()).containsExactly("360702", "360700", "360000");
    assertThat(twice.warning()).isEqualTo(Warning.RED);
    assertThat(twice.supervised()).isTrue();
    assertThat(views.stream().map(IssueView::status).toList())
        .contains(IssueStatus.RESOLVED, IssueStatus.CLOSED, IssueStatus.OPEN);
    assertThat(views.stream().map(IssueView::projectRegion).collect(Collectors.toSet()))
        .isEqualTo(Set.of("360113", "360702"));
  }

  @Test
  void someOpenBlockersHoldUpTheNextOpenMilestoneOfTheirProject() {
    Map<String, List<String>> named =
        views().stream()
            .filter(v -> !v.milestoneIds().isEmpty())
            .collect(Collectors.toMap(IssueView::title, IssueView::milestoneIds));
    assertThat(named)
        .containsOnly(
            Map.entry("九龙湖片区征地补偿标准争议，村民阻工", List.of("ms-q3-p-hgt-1")),
            Map.entry("盾构管片钢筋供应紧张", List.of("ms-q3-p-hgt-3")),
            Map.entry("光伏电站并网接入方案迟迟未批复", List.of("ms-q3-p-zg-1")));
    // each is still open, so project-service counts its milestone as held up
    for (Issue issue : mongo.findAll(Issue.class)) {
      if (!issue.milestoneIds().isEmpty()) {
        assertThat(issue.open()).as(issue.number()).isTrue();
      }
    }
  }

  @Test
  void theSameCauseAcrossThreeProjectsIsFoundAsOneGroup() throws Exception {
    String json =
        mvc.perform(get("/api/issues/clusters?regionCode=360100").with(TestUsers.coordNc()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> projects = JsonPath.read(json, "$.clusters[0].cases[*].projectId");
    assertThat(projects).containsExactlyInAnyOrder("p-hgt-1", "p-hgt-2", "p-hgt-3");
    assertThat((String) JsonPath.read(json, "$.clusters[0].category")).isEqualTo("DEMOLITION");
  }

  @Test
  void theMeetingHasOneOpenAndOneDoneDecision() throws Exception {
    mvc.perform(get("/api/coordination-meetings").with(TestUsers.coordNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content.length()").value(1))
        .andExpect(jsonPath("$.content[0].title").value("九龙湖片区征地补偿专题协调会"))
        .andExpect(jsonPath("$.content[0].decisionCounts.open").value(1))
        .andExpect(jsonPath("$.content[0].decisionCounts.done").value(1));
    // the open decision blocks its case from closing; the owner was told of the meeting
    assertThat(
            mongo.findAll(Issue.class).stream()
                .flatMap(i -> i.timeline().stream())
                .map(e -> e.type())
                .toList())
        .contains("DECISION_RECORDED", "DECISION_DONE", "AUTO_ESCALATED", "CLOSED");
    mvc.perform(get("/api/issues/counts").with(TestUsers.managerJx()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.open").value(7))
        .andExpect(jsonPath("$.byLevel.PROVINCE").value(1))
        .andExpect(jsonPath("$.byWarning.RED", greaterThanOrEqualTo(1)))
        .andExpect(jsonPath("$.byWarning.YELLOW", greaterThanOrEqualTo(1)))
        .andExpect(jsonPath("$.byWarning.GREEN", greaterThanOrEqualTo(1)));
  }
}
