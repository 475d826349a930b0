package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.DESKTOP;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.PHONE;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.fitsWidth;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.login;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.screenshot;
import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The web console in real Chromium against the real platform: people log in on Keycloak's form and
 * do their work on screen; every step is also checked through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleE2ETests {

  private ConsoleBrowser chromium;

  @BeforeAll
  void launch() {
    chromium = new ConsoleBrowser();
  }

  @AfterEach
  void closePages() {
    chromium.closeContexts();
  }

  @AfterAll
  void close() {
    chromium.close();
  }

  static JsonNode issue(String id, String user) {
    HttpResponse<String> response = get("/api/issues/" + id, token(user));
    Assertions.assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  static int unread(Page page) {
    String label = page.locator("[data-test=bell]").getAttribute("aria-label");
    return Integer.parseInt(label.replaceAll("\\D+", ""));
  }

  @Test
  void ownerAndCoordinatorsWorkACaseFromReportToClosureInTheBrowser() {
    int n = ThreadLocalRandom.current().nextInt(1000, 9999);
    String projectName = "赣江大道综合管廊" + n;
    JsonNode project = IssuesE2ETests.honggutanProject(projectName);
    String projectId = project.get("id").asString();
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

    // 1. owner.hgt on a phone: my projects, then the monthly report
    Page owner = chromium.open(PHONE);
    login(owner, "/projects", "owner.hgt");
    Locator card =
        owner.locator(".project-card").filter(new Locator.FilterOptions().setHasText(projectName));
    assertThat(card).isVisible();
    assertThat(card).containsText("120,000.5 万元");
    assertThat(card.locator("[data-test=report-state]")).containsText(period);
    Assertions.assertThat(fitsWidth(owner)).as("my projects fits 390 px").isTrue();
    screenshot(owner, "phone-my-projects");

    card.getByText("填报月报").click();
    assertThat(owner).hasURL(Pattern.compile(".*/projects/" + projectId + "\\?period=" + period));
    owner.getByLabel("当月完成投资（万元）").fill("2500.75");
    owner.getByLabel("形象进度（%）").fill("35.5");
    owner.getByLabel("在岗工人数").fill("0");
    owner
        .locator(".report-form .el-radio")
        .filter(new Locator.FilterOptions().setHasText("停工"))
        .click();
    owner.locator("[data-test=save-report]").click();
    assertThat(owner.locator(".report-form")).containsText("现场停工时必须填写停工原因");
    HttpResponse<String> none =
        get("/api/projects/" + projectId + "/progress-reports/" + period, token("owner.hgt"));
    Assertions.assertThat(none.statusCode()).as("nothing sent before the reason").isEqualTo(404);
    owner.getByLabel("停工原因").fill("环保督察停工整改");
    Assertions.assertThat(fitsWidth(owner)).as("report form fits 390 px").isTrue();
    screenshot(owner, "phone-monthly-report");
    owner.locator("[data-test=save-report]").click();
    assertThat(owner.locator("[data-test=current-state]")).containsText("第 1 版");
    JsonNode report =
        json(get("/api/projects/" + projectId + "/progress-reports/" + period, token("owner.hgt")));
    Assertions.assertThat(report.get("revision").asInt()).isEqualTo(1);
    Assertions.assertThat(report.get("siteState").asString()).isEqualTo("SUSPENDED");
    Assertions.assertThat(report.get("suspensionReason").asString()).isEqualTo("环保督察停工整改");
    Assertions.assertThat(report.get("investmentCompleted").decimalValue())
        .isEqualByComparingTo("2500.75");

    // 2. the owner reports a blocker; a double tap makes one case
    owner.navigate(GATEWAY + "/issues/new?projectId=" + projectId);
    String title = "管廊征迁受阻" + n;
    // the select's placeholder covers its input: a real tap lands on it, so force the click
    owner.getByLabel("问题类别").click(new Locator.ClickOptions().setForce(true));
    owner
        .locator(".el-select-dropdown__item")
        .filter(new Locator.FilterOptions().setHasText("征迁"))
        .click();
    owner.getByLabel("标题").fill(title);
    owner.getByLabel("问题描述").fill("3 户未签约，盾构无法进场");
    owner.getByLabel("需要协调解决的事项").fill("请区征迁办牵头协调签约");
    Assertions.assertThat(fitsWidth(owner)).as("blocker form fits 390 px").isTrue();
    screenshot(owner, "phone-report-blocker");
    owner.locator("[data-test=submit-blocker]").dblclick();
    assertThat(owner).hasURL(Pattern.compile(".*/issues/[0-9a-f]{24}$"));
    String issueId = owner.url().replaceAll(".*/issues/", "");
    HttpResponse<String> mine = get("/api/issues?projectId=" + projectId, token("owner.hgt"));
    Assertions.assertThat(json(mine).get("totalElements").asInt())
        .as("one case for a double tap")
        .isEqualTo(1);
    JsonNode created = issue(issueId, "owner.hgt");
    String number = created.get("number").asString();
    Assertions.assertThat(created.get("title").asString()).isEqualTo(title);
    Assertions.assertThat(created.get("category").asString()).isEqualTo("DEMOLITION");
    Assertions.assertThat(created.get("description").asString()).isEqualTo("3 户未签约，盾构无法进场");
    Assertions.assertThat(created.get("helpWanted").asString()).isEqualTo("请区征迁办牵头协调签约");
    assertThat(owner.locator("h1")).containsText(number);
    assertThat(owner.locator("[data-test=help-wanted]")).hasText("请区征迁办牵头协调签约");
    assertThat(owner.locator("[data-test=holder]")).hasText("红谷滩区 · 县级");
    Assertions.assertThat(fitsWidth(owner)).as("case page fits 390 px").isTrue();
    screenshot(owner, "phone-case-submitted");

    // the city coordinator is already looking at its queue: the case must arrive live
    Page city = chromium.open(DESKTOP);
    login(city, "/queue", "coord.nc");
    assertThat(city.locator("[data-test=who]")).containsText("协调员");
    int unreadBefore = unread(city);

    // 3. coord.hgt sees it in the queue, accepts and escalates
    Page county = chromium.open(DESKTOP);
    login(county, "/queue", "coord.hgt");
    Locator queued = county.locator(".case-card[data-number='" + number + "']");
    assertThat(queued).isVisible();
    assertThat(queued.locator("[data-test=acceptance]")).containsText("待受理");
    screenshot(county, "desktop-work-queue");
    queued.click();
    assertThat(county).hasURL(GATEWAY + "/issues/" + issueId);
    county.locator("[data-action=accept]").click();
    assertThat(county.locator("[data-test=status]")).hasText("办理中");
    Assertions.assertThat(issue(issueId, "coord.hgt").get("status").asString())
        .isEqualTo("IN_PROGRESS");
    county.locator("[data-action=escalate]").click();
    county.locator(".el-dialog textarea[name=reason]").fill("征迁涉及市级统筹，请市协调办协调");
    county.locator("[data-test=dialog-confirm]").click();
    assertThat(county.locator("[data-test=holder]")).hasText("南昌市 · 市级");
    JsonNode escalated = issue(issueId, "coord.hgt");
    Assertions.assertThat(escalated.get("level").asString()).isEqualTo("CITY");
    Assertions.assertThat(escalated.get("handlingRegion").asString()).isEqualTo("360100");
    assertThat(county.locator("[data-action]")).hasCount(0);
    screenshot(county, "desktop-case-escalated");

    // 4. coord.nc: the bell and the queue update without a reload; accept and resolve
    city.waitForCondition(() -> unread(city) > unreadBefore);
    Locator arrived = city.locator(".case-card[data-number='" + number + "']");
    assertThat(arrived).isVisible();
    arrived.click();
    city.locator("[data-action=accept]").click();
    assertThat(city.locator("[data-test=status]")).hasText("办理中");
    city.locator("[data-action=resolve]").click();
    city.locator(".el-dialog textarea[name=resolution]").fill("市征迁办已协调完成签约，盾构下周进场");
    city.locator("[data-test=dialog-confirm]").click();
    assertThat(city.locator("[data-test=status]")).hasText("已办结");
    Assertions.assertThat(issue(issueId, "coord.nc").get("status").asString())
        .isEqualTo("RESOLVED");
    assertThat(city.locator(".el-timeline-item[data-type=ESCALATED]")).containsText("南昌市 · 市级");
    assertThat(city.locator("[data-test=chain]")).containsText("完整");
    screenshot(city, "desktop-case-resolved");

    // 5. the owner confirms the resolution
    owner.navigate(GATEWAY + "/issues/" + issueId);
    assertThat(owner.locator("[data-test=resolution]")).containsText("市征迁办已协调完成签约");
    owner.locator("[data-action=confirm]").click();
    owner.locator("[data-test=dialog-confirm]").click();
    assertThat(owner.locator("[data-test=status]")).hasText("已关闭");
    Assertions.assertThat(issue(issueId, "owner.hgt").get("status").asString()).isEqualTo("CLOSED");
    screenshot(owner, "phone-case-closed");

    owner.navigate(GATEWAY + "/issues");
    assertThat(owner.locator(".case-card[data-number='" + number + "']")).isVisible();
    screenshot(owner, "phone-my-cases");
    city.navigate(GATEWAY + "/inbox");
    assertThat(city.locator(".notification").first()).isVisible();
    screenshot(city, "desktop-inbox");
  }

  /** Picks "now" in an Element Plus date-time picker: 此刻, then 确定 when the panel stays open. */
  static void pickNow(Page page, String name) {
    page.locator("input[name=" + name + "]").click();
    page.locator(".el-picker-panel__footer button:visible").first().click();
    page.waitForTimeout(500); // the panel closes with an animation when 此刻 picks at once
    Locator confirm = page.locator(".el-picker-panel__footer button:visible");
    if (confirm.count() > 0) {
      confirm.last().click();
    }
  }

  @Test
  void aMeetingDecisionKeepsTheCaseOpenUntilItIsMarkedDone() {
    int n = ThreadLocalRandom.current().nextInt(1000, 9999);
    String projectId = IssuesE2ETests.honggutanProject("九龙湖隧道" + n).get("id").asString();
    String issueId = IssuesE2ETests.report(projectId, "隧道用地报批" + n);
    String number = issue(issueId, "owner.hgt").get("number").asString();
    Assertions.assertThat(IssuesE2ETests.act(issueId, "accept", "coord.hgt", "").statusCode())
        .isEqualTo(200);

    Page page = chromium.open(DESKTOP);
    login(page, "/meetings", "coord.hgt");
    page.getByLabel("会议主题").fill("九龙湖隧道专题协调会" + n);
    pickNow(page, "scheduledAt");
    page.getByLabel("协调的问题").click(new Locator.ClickOptions().setForce(true));
    page.locator(".el-select-dropdown__item")
        .filter(new Locator.FilterOptions().setHasText(number))
        .click();
    page.keyboard().press("Escape");
    page.locator("form button[type=submit]").click();
    assertThat(page).hasURL(Pattern.compile(".*/meetings/[0-9a-f]{24}$"));
    String meetingId = page.url().replaceAll(".*/meetings/", "");

    page.getByLabel("问题", new Page.GetByLabelOptions().setExact(true))
        .click(new Locator.ClickOptions().setForce(true));
    page.locator(".el-select-dropdown__item:visible")
        .filter(new Locator.FilterOptions().setHasText(number))
        .click();
    page.getByLabel("决定内容").fill("区自然资源局五个工作日内完成用地预审");
    page.getByLabel("责任单位").fill("红谷滩区自然资源局");
    pickNow(page, "dueAt");
    page.locator("button[type=submit]")
        .filter(new Locator.FilterOptions().setHasText("记录决定"))
        .click();
    Locator decision =
        page.locator(".el-card")
            .filter(new Locator.FilterOptions().setHasText("区自然资源局五个工作日内完成用地预审"));
    assertThat(decision).containsText("未落实");
    JsonNode meeting = json(get("/api/coordination-meetings/" + meetingId, token("coord.hgt")));
    Assertions.assertThat(meeting.get("decisions").get(0).get("status").asString())
        .isEqualTo("OPEN");
    screenshot(page, "desktop-meeting");
    // the area's meeting list has it, linking to it
    page.navigate(GATEWAY + "/meetings");
    assertThat(page.locator("a[data-meeting='" + meetingId + "']")).containsText("九龙湖隧道专题协调会" + n);

    // the case shows the open decision, and the owner cannot close it yet
    Assertions.assertThat(
            IssuesE2ETests.act(issueId, "resolve", "coord.hgt", "{\"resolution\":\"已预审\"}")
                .statusCode())
        .isEqualTo(200);
    page.navigate(GATEWAY + "/issues/" + issueId);
    assertThat(page.locator(".el-alert").filter(new Locator.FilterOptions().setHasText("未落实的会议决定")))
        .containsText("区自然资源局五个工作日内完成用地预审");
    Assertions.assertThat(IssuesE2ETests.act(issueId, "confirm", "owner.hgt", "").statusCode())
        .isEqualTo(409);

    page.navigate(GATEWAY + "/meetings/" + meetingId);
    assertThat(decision.locator(".el-tag")).hasText("未落实");
    decision.getByText("标记已落实").click();
    assertThat(decision.locator(".el-tag")).hasText("已落实");
    Assertions.assertThat(IssuesE2ETests.act(issueId, "confirm", "owner.hgt", "").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aPageWithoutASessionGoesToKeycloakAndComesBackToIt() {
    Page page = chromium.open(DESKTOP);
    page.navigate(GATEWAY + "/issues/new");
    assertThat(page)
        .hasURL(
            Pattern.compile(
                ".*/realms/majorprojects/protocol/openid-connect/auth.*|.*/realms/majorprojects/login-actions/.*"));
    assertThat(page.locator("#kc-login")).isVisible();
    screenshot(page, "desktop-keycloak-login");
    page.locator("#username").fill("owner.hgt");
    page.locator("#password").fill("demo");
    page.locator("#kc-login").click();
    assertThat(page).hasURL(GATEWAY + "/issues/new");
    assertThat(page.locator("h1")).containsText("反映问题");
  }

  @Test
  void theLanguageSwitchShowsEnglishAndSticks() {
    Page page = chromium.open(PHONE);
    login(page, "/projects", "owner.hgt");
    assertThat(page.locator("h1")).hasText("我的项目");
    page.locator("[data-test=language]").click();
    assertThat(page.locator("h1")).hasText("My projects");
    page.reload();
    assertThat(page.locator("h1")).hasText("My projects");
    assertThat(page.locator("[data-test=language]")).hasText("中文");
    screenshot(page, "phone-my-projects-en");
  }

  @Test
  void anOwnerCannotReachACoordinatorsPageAndTheApiRefusesItsActions() {
    Page page = chromium.open(DESKTOP);
    login(page, "/queue", "owner.hgt");
    assertThat(page.locator("[data-status='403']")).containsText("无权访问（403）");
    Assertions.assertThat(page.locator(".el-menu").textContent()).doesNotContain("待办工作台");
    // the same session through the API: creating a coordination meeting is for coordinators only
    Object status =
        page.evaluate(
            """
            async () => {
              const xsrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1]
              const r = await fetch('/api/coordination-meetings', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf || '') },
                body: JSON.stringify({ title: 'x', regionCode: '360113', scheduledAt: new Date().toISOString(), issueIds: ['x'] }),
              })
              return r.status
            }""");
    Assertions.assertThat(status).isEqualTo(403);
    screenshot(page, "desktop-forbidden");
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * The template as the browser downloaded it, with this month's columns of the project's row set
   * to {@code investment} (万元), 40 %, 12 workers and a working site.
   */
  static byte[] filled(Download template, String projectId, double investment) throws Exception {
    try (InputStream in = Files.newInputStream(template.path());
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      Row mine = null;
      for (Row row : book.getSheetAt(0)) {
        if (row.getRowNum() > 0 && projectId.equals(row.getCell(0).getStringCellValue())) {
          mine = row;
        } else if (row.getRowNum() > 0) {
          // other tests' projects of the organisation: left empty, so they are skipped
          for (int c = 7; c <= 12; c++) {
            if (row.getCell(c) != null) {
              row.removeCell(row.getCell(c));
            }
          }
        }
      }
      Assertions.assertThat(mine).as("the template lists the owner's new project").isNotNull();
      mine.getCell(7).setCellValue(investment);
      mine.getCell(8).setCellValue(40);
      mine.getCell(9).setCellValue(12);
      mine.getCell(10).setCellValue("WORKING");
      mine.getCell(12).setCellValue("一次填报：主体结构施工");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void anOwnerFilesTheMonthByTemplateAndACoordinatorReturnsItWithAReasonTheOwnerSees()
      throws Exception {
    int n = ThreadLocalRandom.current().nextInt(1000, 9999);
    String projectId = IssuesE2ETests.honggutanProject("赣江新区管廊（一次填报）" + n).get("id").asString();
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
    String path = "/api/projects/" + projectId + "/progress-reports/" + period;

    // 1. the owner on a phone downloads last month's template and uploads it with a bad cell
    Page owner = chromium.open(PHONE);
    login(owner, "/reports", "owner.hgt");
    assertThat(owner.locator("[data-test=template]"))
        .hasAttribute("href", "/api/progress-reports/template?period=" + period);
    Download template = owner.waitForDownload(() -> owner.locator("[data-test=template]").click());
    owner
        .locator("[data-test=bulk-file]")
        .setInputFiles(new FilePayload("月报.xlsx", XLSX, filled(template, projectId, -5)));
    owner.locator("[data-test=bulk-upload-button]").click();
    assertThat(owner.locator("[data-test=bulk-failed]")).containsText("没有报送任何项目");
    assertThat(owner.locator("[data-test=bulk-errors]"))
        .containsText(Pattern.compile("row \\d+: investmentCompleted"));
    assertThat(owner.locator("[data-test=bulk-errors]")).containsText("column H");
    Assertions.assertThat(get(path, token("owner.hgt")).statusCode())
        .as("nothing filed from a sheet with a bad row")
        .isEqualTo(404);

    // corrected, the same upload files the row: revision 1, seen by every level
    owner
        .locator("[data-test=bulk-file]")
        .setInputFiles(new FilePayload("月报.xlsx", XLSX, filled(template, projectId, 321.5)));
    owner.locator("[data-test=bulk-upload-button]").click();
    assertThat(owner.locator("[data-test=bulk-done]")).containsText("已报送 1 个项目");
    Assertions.assertThat(fitsWidth(owner)).as("the bulk page fits 390 px").isTrue();
    screenshot(owner, "phone-bulk-reports");
    JsonNode filed = json(get(path, token("coord.hgt")));
    Assertions.assertThat(filed.get("revision").asInt()).isEqualTo(1);
    Assertions.assertThat(filed.get("investmentCompleted").decimalValue())
        .isEqualByComparingTo("321.5");
    Assertions.assertThat(filed.get("submittedBy").asString()).isEqualTo("owner.hgt");

    // 2. the county coordinator returns the month for correction with a reason
    Page county = chromium.open(DESKTOP);
    login(county, "/queue", "coord.hgt");
    county.navigate(GATEWAY + "/projects/" + projectId + "?period=" + period);
    assertThat(county.locator("[data-test=current-state]")).containsText("第 1 版");
    county.locator("[data-test=return-report]").click();
    county.locator("[data-test=confirm-return]").click();
    assertThat(county.locator(".el-dialog")).containsText("请填写此项");
    county.getByLabel("退回原因").fill("本月完成投资与财务月报不符，请核实后重报" + n);
    county.locator("[data-test=confirm-return]").click();
    assertThat(county.locator("[data-test=correction-reason]"))
        .containsText("本月完成投资与财务月报不符，请核实后重报" + n);
    assertThat(county.locator("[data-test=return-report]")).hasCount(0);
    JsonNode returned = json(get(path, token("owner.hgt")));
    Assertions.assertThat(returned.get("correctionRequested").get("by").asString())
        .isEqualTo("coord.hgt");

    // 3. the owner sees the reason on the month's report and files a corrected revision
    owner.navigate(GATEWAY + "/projects/" + projectId + "?period=" + period);
    assertThat(owner.locator("[data-test=correction-reason]"))
        .containsText("本月完成投资与财务月报不符，请核实后重报" + n);
    assertThat(owner.locator("[data-test=correction]")).containsText("coord.hgt");
    Assertions.assertThat(fitsWidth(owner)).as("the returned report fits 390 px").isTrue();
    screenshot(owner, "phone-report-returned");
    owner.getByLabel("当月完成投资（万元）").fill("312.5");
    owner.locator("[data-test=save-report]").click();
    assertThat(owner.locator("[data-test=current-state]")).containsText("第 2 版");
    assertThat(owner.locator("[data-test=correction]")).hasCount(0);
    assertThat(owner.locator("[data-test=answers-correction]")).hasCount(1);
    JsonNode corrected = json(get(path, token("coord.hgt")));
    Assertions.assertThat(corrected.get("revision").asInt()).isEqualTo(2);
    JsonNode pending = corrected.path("correctionRequested");
    Assertions.assertThat(pending.isNull() || pending.isMissingNode())
        .as("no return pending")
        .isTrue();
  }
}
