package cn.gov.jx.majorprojects.issues.issue;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.support.testing.TestUsers;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The work queue's filters and order (warning, sort=warning, handledBy) and the open-case counts,
 * on a project in Donghu (360102) where no other test's cases are.
 */
class IssueListByWarningApplicationTests extends CaseApplicationTestSupport {

  // Thursday 3 December 2026, 10:00 Shanghai
  static final Instant DEC_3 = Instant.parse("2026-12-03T02:00:00Z");
  static final String DONGHU = "regionCode=360102";

  static RequestPostProcessor coordDh() {
    return TestUsers.user("coord.dh", "coordinator", "360102");
  }

  static RequestPostProcessor coordXh() {
    return TestUsers.user("coord.xh", "coordinator", "360103");
  }

  @BeforeEach
  void projects() {
    project("p-dh", "360102", "东湖综合管廊");
    project("p-xh", "360103", "西湖排涝站");
  }

  void project(String id, String county, String name) {
    remote.stubFor(
        WireMock.get(urlEqualTo("/internal/projects/" + id))
            .willReturn(
                okJson(
                    """
                    {"id":"%s","code":"2023-%s-48-01-000777","name":"%s",
                     "level":"CITY","regionCode":"%s","ownerOrg":"org-nc-metro",
                     "ownerOrgName":"南昌地铁","status":"UNDER_CONSTRUCTION"}"""
                        .formatted(id, county, name, county))));
  }

  List<String> ids(String query, RequestPostProcessor user) throws Exception {
    String json =
        mvc.perform(get("/api/issues?" + query).with(user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.content[*].id");
  }

  @Test
  void redThenYellowThenByDeadlineFilteredByColourAndCounted() throws Exception {
    // at START (Thu 26 Nov 10:00): r is never accepted, y is accepted, d is resolved
    String r = submit(TestUsers.ownerHgt(), "p-dh", "未受理");
    String y = submit(TestUsers.ownerHgt(), "p-dh", "临期");
    act(y, "accept", coordDh(), null).andExpect(status().isOk());
    String d = submit(TestUsers.ownerHgt(), "p-dh", "已办结");
    act(d, "accept", coordDh(), null).andExpect(status().isOk());
    act(d, "resolve", coordDh(), "{\"resolution\":\"已协调\"}").andExpect(status().isOk());
    // Wed 2 Dec: g has until Wed 9 Dec
    clock.set(Instant.parse("2026-12-02T02:00:00Z"));
    String g = submit(TestUsers.ownerHgt(), "p-dh", "刚受理");
    act(g, "accept", coordDh(), null).andExpect(status().isOk());
    act(
            y,
            "extension-requests",
            coordDh(),
            "{\"newDueAt\":\"2026-12-20T09:00:00Z\",\"reason\":\"征迁\"}")
        .andExpect(status().isCreated());

    // Thu 3 Dec 10:00: r is past its acceptance deadline (Fri 27 Nov), y past 80 % of its time
    clock.set(DEC_3);
    assertThat(ids(DONGHU + "&sort=warning", coordDh())).containsExactly(r, y, d, g);
    assertThat(ids(DONGHU + "&sort=warning&size=2&page=1", coordDh())).containsExactly(d, g);
    assertThat(ids(DONGHU + "&sort=warning&size=3&page=0", coordDh())).containsExactly(r, y, d);
    mvc.perform(get("/api/issues?" + DONGHU + "&sort=warning&size=3").with(coordDh()))
        .andExpect(jsonPath("$.totalElements").value(4))
        .andExpect(jsonPath("$.totalPages").value(2))
        .andExpect(jsonPath("$.content[0].warning").value("RED"))
        .andExpect(jsonPath("$.content[1].warning").value("YELLOW"))
        .andExpect(jsonPath("$.content[1].pendingExtensionRequests.length()").value(1))
        .andExpect(jsonPath("$.content[2].warning").value("GREEN"))
        .andExpect(jsonPath("$.content[2].resolvedAt").isNotEmpty())
        .andExpect(jsonPath("$.content[2].closedAt").isEmpty());
    assertThat(ids(DONGHU + "&warning=RED", coordDh())).containsExactly(r);
    assertThat(ids(DONGHU + "&warning=YELLOW", coordDh())).containsExactly(y);
    assertThat(ids(DONGHU + "&warning=GREEN&sort=dueAt,asc", coordDh())).containsExactly(d, g);
    assertThat(ids(DONGHU + "&warning=RED&sort=warning", TestUsers.managerNc())).containsExactly(r);
    // the scope still applies: Ganzhou sees none of them
    assertThat(ids(DONGHU + "&sort=warning", TestUsers.coordGz())).isEmpty();

    mvc.perform(get("/api/issues/counts?" + DONGHU).with(TestUsers.managerNc()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("360102"))
        .andExpect(jsonPath("$.open").value(3))
        .andExpect(jsonPath("$.byLevel.COUNTY").value(3))
        .andExpect(jsonPath("$.byLevel.CITY").value(0))
        .andExpect(jsonPath("$.byWarning.RED").value(1))
        .andExpect(jsonPath("$.byWarning.YELLOW").value(1))
        .andExpect(jsonPath("$.byWarning.GREEN").value(1));
    mvc.perform(get("/api/issues/counts?" + DONGHU + "&groupBy=level").with(coordDh()))
        .andExpect(jsonPath("$.byLevel.COUNTY").value(3))
        .andExpect(jsonPath("$.byWarning").doesNotExist());

    // the reporter confirms d: closedAt
    act(d, "confirm", TestUsers.ownerHgt(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.closedAt").value(DEC_3.toString()));
  }

  @Test
  void handledByListsTheCasesThatArrivedAtTheUnitInThePeriod() throws Exception {
    // in Xihu (360103), apart from the other test's cases
    String stays = submit(TestUsers.ownerHgt(), "p-xh", "区里办");
    String goesUp = submit(TestUsers.ownerHgt(), "p-xh", "上交市里");
    clock.set(Instant.parse("2026-12-01T02:00:00Z"));
    act(goesUp, "escalate", coordXh(), "{\"reason\":\"需市里\"}").andExpect(status().isOk());
    String xihu = "regionCode=360103";

    String period = "&from=2026-11&to=2026-12";
    assertThat(ids(xihu + "&handledBy=360103" + period, TestUsers.managerNc()))
        .containsExactlyInAnyOrder(stays, goesUp);
    assertThat(ids(xihu + "&handledBy=360100" + period, TestUsers.managerNc()))
        .containsExactly(goesUp);
    // November alone: it reached the city in December
    assertThat(ids(xihu + "&handledBy=360100&from=2026-11&to=2026-11", TestUsers.managerNc()))
        .isEmpty();
    assertThat(ids(xihu + "&handledBy=360103&from=2027-01&to=2027-03", TestUsers.managerNc()))
        .isEmpty();
    // the caller's scope still applies
    assertThat(ids(xihu + "&handledBy=360103" + period, TestUsers.coordGz())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/issues?warning=PURPLE",
        "/api/issues?sort=warning,desc",
        "/api/issues?sort=description",
        "/api/issues?size=101",
        "/api/issues?page=-1",
        "/api/issues?handledBy=999999",
        "/api/issues?handledBy=360102&from=2026-13",
        "/api/issues?handledBy=360102&from=2026-12&to=2026-11",
        "/api/issues/counts?groupBy=colour",
        "/api/issues/counts?groupBy=level,,warning"
      })
  void badParametersAre400Problems(String path) throws Exception {
    mvc.perform(get(path).with(TestUsers.managerNc()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void countsAreForRegionalUsersOfTheRegion() throws Exception {
    mvc.perform(get("/api/issues/counts?" + DONGHU).with(TestUsers.ownerHgt()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    for (RequestPostProcessor outside : List.of(TestUsers.coordGz(), TestUsers.coordHgt())) {
      mvc.perform(get("/api/issues/counts?" + DONGHU).with(outside))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    // without regionCode: the caller's own region
    mvc.perform(get("/api/issues/counts").with(TestUsers.coordGz()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("360700"));
  }
}
