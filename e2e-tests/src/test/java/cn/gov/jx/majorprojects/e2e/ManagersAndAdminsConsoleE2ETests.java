package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.DESKTOP;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.TABLET;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.fitsWidth;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.login;
import static cn.gov.jx.majorprojects.e2e.ConsoleBrowser.screenshot;
import static cn.gov.jx.majorprojects.e2e.IssuesE2ETests.act;
import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Part 2 of the console in real Chromium: managers' overview, map, drill-down and accountability;
 * admins' deliveries and Excel import. Every figure on screen is compared with the API's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagersAndAdminsConsoleE2ETests {

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

  static String name(String base) {
    return base + ThreadLocalRandom.current().nextInt(1000, 9999);
  }

  @Test
  void managerOfTheProvinceReadsTheOverviewAndDrillsFromTheMapToNanchangsCountiesAndProjects() {
    String projectName = name("九龙湖隧道");
    IssuesE2ETests.honggutanProject(projectName);

    Page page = chromium.open(DESKTOP);
    login(page, "/overview", "manager.jx");
    Locator tiles = page.locator(".tile");
    assertThat(tiles).hasCount(5);
    assertThat(page.locator("[data-tile=notStopped]")).containsText("在建项目不停工");
    assertThat(page.locator("[data-tile=planning]")).containsText("谋划储备不断档");
    // first paint of the overview with a session (a reload: no login redirects in the timing),
    // and the moment the five tiles are on screen, from the browser's own clock
    page.reload();
    assertThat(page.locator(".tile")).hasCount(5);
    double tilesShown = ((Number) page.evaluate("() => performance.now()")).doubleValue();
    double firstPaint =
        ((Number)
                page.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime"))
            .doubleValue();
    System.out.printf(
        Locale.ROOT,
        "overview: first contentful paint %.0f ms, tiles shown by %.0f ms%n",
        firstPaint,
        tilesShown);
    Assertions.assertThat(firstPaint).as("first contentful paint (ms)").isBetween(0.0, 3000.0);
    // the same figure the API gives now (the page loaded its own a moment ago)
    JsonNode dashboard = json(get("/api/dashboard", token("manager.jx")));
    assertThat(page.locator("[data-warning-count=RED] .light-count"))
        .hasText(String.valueOf(dashboard.get("warnings").get("RED").asLong()));
    assertThat(page.locator("[data-test=double-half]")).containsText("双过半");
    assertThat(page.locator("[data-test=cases] table").first()).isVisible();
    // every tile says how it moved since last month (or that last month has no figure)
    assertThat(page.locator("[data-test=trend]")).hasCount(5);
    // open cases by colour as /api/issues/counts gives them (a case may turn red meanwhile: the
    // page is read again until it agrees with a fresh answer)
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode counts =
                  json(get("/api/issues/counts?groupBy=level,warning", token("manager.jx")));
              String red = page.locator("[data-case-warning=RED] .light-count").innerText();
              if (!red.equals(String.valueOf(counts.get("byWarning").get("RED").asLong()))) {
                page.reload();
                page.locator("[data-case-warning=RED]").waitFor();
              }
              Assertions.assertThat(
                      page.locator("[data-case-warning=RED] .light-count").innerText())
                  .isEqualTo(String.valueOf(counts.get("byWarning").get("RED").asLong()));
            });
    screenshot(page, "desktop-overview");

    page.locator("nav.aside .el-menu-item")
        .filter(new Locator.FilterOptions().setHasText("地图"))
        .click();
    assertThat(page).hasURL(Pattern.compile(".*/map.*"));
    Locator map = page.locator(".map-card");
    assertThat(map).hasAttribute("data-cities", "11");
    assertThat(page.locator("[data-test=map] canvas").first()).isVisible();
    assertThat(page.locator("[data-test=city-table] tbody tr")).hasCount(11);
    page.locator("[data-measure=completion]").click();
    assertThat(page.locator("[data-test=city-table] thead")).containsText("年度计划完成率");
    page.waitForTimeout(800); // the map's animation
    screenshot(page, "desktop-map");

    page.locator("[data-test=city-table] tbody tr")
        .filter(new Locator.FilterOptions().setHasText("南昌市"))
        .click();
    assertThat(page).hasURL(Pattern.compile(".*/map/360100.*"));
    Locator county = page.locator("[data-county='360113']");
    assertThat(county).containsText("红谷滩区");
    county.click();
    assertThat(page).hasURL(Pattern.compile(".*/portfolio\\?regionCode=360113.*"));
    assertThat(page.locator("[data-test=project-table]")).containsText(projectName);
  }

  @Test
  void managerOfNanchangSeesOnlyNanchangOnTheMapAndCannotAskForGanzhou() {
    Page page = chromium.open(DESKTOP);
    login(page, "/map", "manager.nc");
    assertThat(page.locator(".map-card")).hasAttribute("data-cities", "11");
    Locator rows = page.locator("[data-test=city-table] tbody tr");
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText("南昌市");
    assertThat(page.getByText("10 个城市不在你的管辖范围内")).isVisible();
    Assertions.assertThat(page.locator("[data-test=city-table]").innerText()).doesNotContain("赣州市");

    page.navigate(Platform.GATEWAY + "/map/360700");
    assertThat(page.getByText("找不到页面（404）")).isVisible();
    Assertions.assertThat(get("/api/dashboard?regionCode=360700", token("manager.nc")).statusCode())
        .isEqualTo(404);
  }

  /** A tablet held upright (768 × 1024, touch): the managers' pages fit its width. */
  @Test
  void aManagersPagesFitATabletWithoutSidewaysScrolling() {
    Page page = chromium.open(TABLET);
    login(page, "/overview", "manager.nc");
    assertThat(page.locator(".tile")).hasCount(5);
    Assertions.assertThat(fitsWidth(page)).as("overview fits 768 px").isTrue();
    for (String path : new String[] {"/map", "/portfolio", "/accountability", "/charts"}) {
      page.navigate(Platform.GATEWAY + path);
      assertThat(page.locator("h1")).isVisible();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      Assertions.assertThat(fitsWidth(page)).as(path + " fits 768 px").isTrue();
    }
    screenshot(page, "tablet-charts");
  }

  @Test
  void theAccountabilityRankingShowsTheApisFigures() {
    JsonNode project = IssuesE2ETests.honggutanProject(name("赣江新区管网"));
    String issueId = IssuesE2ETests.report(project.get("id").asString(), name("管线迁改"));
    Assertions.assertThat(act(issueId, "accept", "coord.hgt", "").statusCode()).isEqualTo(200);
    Assertions.assertThat(
            act(issueId, "resolve", "coord.hgt", "{\"resolution\":\"迁改完成\"}").statusCode())
        .isEqualTo(200);
    String path = "/api/accountability?regionCode=360000";
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rowOf(json(get(path, token("manager.jx"))), "360113") != null);
    JsonNode api = json(get(path, token("manager.jx")));

    Page page = chromium.open(DESKTOP);
    login(page, "/accountability", "manager.jx");
    assertThat(page.locator("[data-test=ranking]")).isVisible();
    assertThat(page.getByText("责任不悬空").first()).isVisible();
    for (JsonNode row : api.get("rows")) {
      String code = row.get("regionCode").asString();
      JsonNode rate = row.get("onTimeRate");
      String expected =
          rate == null || rate.isNull()
              ? "—"
              : String.format(Locale.ROOT, "%.1f%%", Math.round(rate.asDouble() * 1000) / 10.0);
      assertThat(page.locator("[data-rate='" + code + "']")).hasText(expected);
      Locator tr =
          page.locator("[data-test=ranking] tbody tr")
              .filter(
                  new Locator.FilterOptions().setHas(page.locator("[data-unit='" + code + "']")));
      assertThat(tr.locator("[data-col=received]").first())
          .hasText(String.valueOf(row.get("received").asLong()));
      assertThat(tr.locator("[data-col=overdueNow]").first())
          .hasText(String.valueOf(row.get("overdueNow").asLong()));
    }
    // ranked: the on-time rates read down the table never rise
    List<String> rates =
        page.locator("[data-test=ranking] .el-table__body-wrapper [data-rate]").allInnerTexts();
    double previous = 101;
    for (String r : rates) {
      if (r.equals("—")) {
        previous = -1;
        continue;
      }
      double value = Double.parseDouble(r.replace("%", ""));
      Assertions.assertThat(value).isLessThanOrEqualTo(previous);
      previous = value;
    }
    page.waitForTimeout(800); // the chart's animation
    screenshot(page, "desktop-accountability");

    page.locator("[data-unit='360113']").first().click();
    // the cases that reached the unit in the table's period (handledBy), not those it holds now
    assertThat(page)
        .hasURL(Pattern.compile(".*/unit-cases/360113\\?from=\\d{4}-\\d{2}&to=\\d{4}-\\d{2}"));
    assertThat(page.locator("h1")).containsText("承办过的问题");
  }

  static JsonNode rowOf(JsonNode accountability, String code) {
    for (JsonNode row : accountability.get("rows")) {
      if (row.get("regionCode").asString().equals(code) && row.get("resolved").asLong() > 0) {
        return row;
      }
    }
    return null;
  }

  /**
   * Admin switches "a suspended site is red" off in the console: the preview shows the test's
   * suspended project among the RED→GREEN changes before anything is saved, and after saving the
   * project list shows it green (screen and API). The rules are put back afterwards, whatever
   * happens, so the other tests keep the colours they expect.
   */
  @Test
  void adminEditsAWarningRuleWithAPreviewAndTheProjectListsColoursChange() {
    String projectName = name("停工测试项目");
    String code = "2026-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    HttpResponse<String> created =
        IssuesE2ETests.write(
            "POST",
            "/api/projects",
            token("admin"),
            """
            {"code":"%s","name":"%s","level":"CITY","regionCode":"360113",
             "industry":"URBAN","ownerOrg":"org-nc-metro","ownerOrgName":"南昌地铁集团",
             "totalInvestment":5000,"plannedStart":"2026-03-01","plannedFinish":"2027-12-31",
             "status":"UNDER_CONSTRUCTION","description":"e2e"}"""
                .formatted(code, projectName),
            null);
    Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String projectId = json(created).get("id").asString();
    // a new project cannot start suspended: the site stops afterwards (a lifecycle move)
    HttpResponse<String> stopped =
        IssuesE2ETests.write(
            "PATCH",
            "/api/projects/" + projectId,
            token("admin"),
            "{\"version\":%d,\"status\":\"SUSPENDED\"}"
                .formatted(json(created).get("version").asLong()),
            null);
    Assertions.assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    String original = get("/api/warning-rules", token("admin")).body();
    Assertions.assertThat(
            json(get("/api/warning-rules", token("admin"))).get("suspendedIsRed").asBoolean())
        .as("the demo rules make a suspended site red")
        .isTrue();
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> Assertions.assertThat(colourOf(projectId)).isEqualTo("RED"));

      Page page = chromium.open(DESKTOP);
      login(page, "/admin/warning-rules", "admin");
      Locator suspendedSwitch = page.locator(".el-switch:has(#r-suspended)");
      assertThat(suspendedSwitch).hasClass(Pattern.compile("is-checked"));
      suspendedSwitch.click();
      assertThat(suspendedSwitch).not().hasClass(Pattern.compile("is-checked"));

      page.locator("[data-test=preview-rules]").click();
      Locator preview = page.locator("[data-test=preview]");
      assertThat(preview).isVisible();
      // the same candidate rules through the API: the screen shows its figures
      JsonNode candidate = json(get("/api/warning-rules", token("admin")));
      String body =
          candidate.toString().replace("\"suspendedIsRed\":true", "\"suspendedIsRed\":false");
      HttpResponse<String> asked =
          IssuesE2ETests.write("POST", "/api/warning-rules/preview", token("admin"), body, null);
      Assertions.assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
      JsonNode expected = json(asked);
      long redToGreen = expected.get("changes").get("RED→GREEN").asLong();
      Assertions.assertThat(redToGreen)
          .as("our suspended project turns green")
          .isGreaterThanOrEqualTo(1);
      assertThat(page.locator("[data-test=preview-summary]"))
          .hasText(
              expected.get("projects").asLong()
                  + " 个项目中有 "
                  + expected.get("changing").asLong()
                  + " 个会变色（尚未保存）。");
      assertThat(preview.locator("[data-change='RED→GREEN']")).containsText(redToGreen + " 个项目");
      screenshot(page, "desktop-warning-rules-preview");
      Assertions.assertThat(colourOf(projectId)).as("a preview stores nothing").isEqualTo("RED");

      page.locator("[data-test=save-rules]").click();
      assertThat(page.locator("[data-test=saved]")).isVisible();
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> Assertions.assertThat(colourOf(projectId)).isEqualTo("GREEN"));

      String q = URLEncoder.encode(projectName, StandardCharsets.UTF_8);
      page.navigate(Platform.GATEWAY + "/portfolio?regionCode=360113&q=" + q);
      Locator row =
          page.locator("[data-test=project-table] tbody tr")
              .filter(new Locator.FilterOptions().setHasText(projectName));
      assertThat(row.locator("[data-warning]")).hasAttribute("data-warning", "GREEN");
      assertThat(row).containsText("绿灯");
      page.navigate(Platform.GATEWAY + "/portfolio?regionCode=360113&warning=RED&q=" + q);
      assertThat(page.getByText("没有符合条件的项目")).isVisible();
      page.navigate(Platform.GATEWAY + "/portfolio?regionCode=360113&warning=GREEN&q=" + q);
      assertThat(page.locator("[data-test=project-table]")).containsText(projectName);
    } finally {
      HttpResponse<String> restored =
          IssuesE2ETests.write("PUT", "/api/warning-rules", token("admin"), original, null);
      Assertions.assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> Assertions.assertThat(colourOf(projectId)).isEqualTo("RED"));
  }

  static String colourOf(String projectId) {
    return json(get("/api/projects/" + projectId, token("admin")))
        .get("warning")
        .get("level")
        .asString();
  }

  @Test
  void adminRetriesADeadDelivery() {
    String id = "e2e-dead-" + UUID.randomUUID();
    String subject = name("死信测试");
    try (MongoClient mongo =
        MongoClients.create(System.getProperty("e2e.mongo", "mongodb://localhost:27117"))) {
      Date now = Date.from(Instant.now());
      mongo
          .getDatabase("notifications")
          .getCollection("deliveries")
          .insertOne(
              new Document("_id", id)
                  .append("eventId", "e2e-" + id)
                  .append("recipient", "coord.hgt")
                  .append("channel", "WEBHOOK")
                  .append("type", "SUBMITTED")
                  .append("subjectId", "e2e")
                  .append("address", "https://hooks.example.invalid/robot")
                  .append("subject", subject)
                  .append("body", "e2e")
                  .append("status", "DEAD")
                  .append("attempts", 8)
                  .append("nextAttemptAt", now)
                  .append("lastError", "connect timed out (e2e)")
                  .append("createdAt", now));
    }
    Page page = chromium.open(DESKTOP);
    login(page, "/admin/deliveries", "admin");
    Locator row =
        page.locator("[data-test=deliveries] tbody tr")
            .filter(new Locator.FilterOptions().setHasText(subject));
    assertThat(row).containsText("connect timed out");
    row.locator("[data-retry='" + id + "']").click();
    // it leaves the list of dead deliveries (which may now be empty)
    assertThat(page.getByText(subject)).hasCount(0);
    JsonNode list = json(get("/api/notifications/deliveries?size=100", token("admin")));
    String status = null;
    for (JsonNode d : list.get("content")) {
      if (d.get("id").asString().equals(id)) {
        status = d.get("status").asString();
      }
    }
    Assertions.assertThat(status).as("the delivery after retry").isIn("PENDING", "FAILED", "SENT");
  }

  @Test
  void adminImportsAnExcelFileWithOneBadRowAndSeesItsErrorWithNothingStored() throws IOException {
    String good = name("昌北机场货运区");
    String bad = name("错误区县项目");
    byte[] sheet =
        xlsx(
            List.of(
                List.of(
                    "项目代码", "项目名称", "项目级别", "所在区县代码", "行业", "业主单位代码", "业主单位名称", "总投资（万元）", "计划开工日期",
                    "计划竣工日期", "项目状态", "项目简介"),
                List.of(
                    "2026-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999),
                    good,
                    "CITY",
                    "360113",
                    "TRANSPORT",
                    "org-nc-metro",
                    "南昌地铁集团",
                    "5000",
                    "2026-05-01",
                    "2027-12-31",
                    "PLANNED",
                    "e2e"),
                List.of(
                    "2026-360113-48-01-" + ThreadLocalRandom.current().nextInt(100000, 999999),
                    bad,
                    "CITY",
                    "999999",
                    "TRANSPORT",
                    "org-nc-metro",
                    "南昌地铁集团",
                    "5000",
                    "2026-05-01",
                    "2027-12-31",
                    "PLANNED",
                    "e2e")));
    Page page = chromium.open(DESKTOP);
    login(page, "/admin/imports", "admin");
    page.locator("[data-test=import-file]")
        .setInputFiles(
            new FilePayload(
                "projects.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                sheet));
    page.locator("[data-test=import]").click();
    assertThat(page.locator("[data-test=import-failed]")).isVisible();
    assertThat(page.locator("[data-test=row-errors]")).containsText("row 3");
    assertThat(page.locator("[data-test=row-errors]")).containsText("regionCode");
    for (String n : List.of(good, bad)) {
      HttpResponse<String> found =
          get("/api/projects?q=" + URLEncoder.encode(n, StandardCharsets.UTF_8), token("admin"));
      Assertions.assertThat(json(found).get("totalElements").asLong()).as(n).isZero();
    }
  }

  /**
   * The smallest .xlsx POI reads: one sheet, inline strings (the same layout the console exports).
   */
  static byte[] xlsx(List<List<String>> rows) throws IOException {
    StringBuilder data = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      data.append("<row r=\"").append(r + 1).append("\">");
      for (int c = 0; c < rows.get(r).size(); c++) {
        data.append("<c r=\"")
            .append((char) ('A' + c))
            .append(r + 1)
            .append("\" t=\"inlineStr\"><is><t>")
            .append(rows.get(r).get(c))
            .append("</t></is></c>");
      }
      data.append("</row>");
    }
    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    String pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(
          zip,
          "[Content_Types].xml",
          head
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          head
              + "<Relationships xmlns=\""
              + pkg
              + "\"><Relationship Id=\"rId1\" Type=\""
              + rel
              + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          head
              + "<workbook xmlns=\""
              + main
              + "\" xmlns:r=\""
              + rel
              + "\"><sheets><sheet name=\"重点项目\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          head
              + "<Relationships xmlns=\""
              + pkg
              + "\"><Relationship Id=\"rId1\" Type=\""
              + rel
              + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      entry(
          zip,
          "xl/worksheets/sheet1.xml",
          head
              + "<worksheet xmlns=\""
              + main
              + "\"><sheetData>"
              + data
              + "</sheetData></worksheet>");
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Money in 万元 as the console writes it in Chinese: 亿元 with two decimals from 1 亿 up. */
  static String money(double wan) {
    if (wan >= 10_000) {
      return String.format(Locale.ROOT, "%,.2f 亿元", wan / 10_000);
    }
    java.text.DecimalFormat tenThousands =
        new java.text.DecimalFormat(
            "#,##0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
    tenThousands.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return tenThousands.format(wan) + " 万元";
  }

  @Test
  void theOverviewCaseAndProjectShowTheInvestmentABlockerHoldsUpUntilTheOwnerMarksItDone() {
    // tokens cached by a long class run before this one may have outlived their 5 minutes
    Platform.forgetTokens();
    String projectId = IssuesE2ETests.honggutanProject(name("红谷滩管廊（节点受阻）")).get("id").asString();
    int year = MilestoneBlockersE2ETests.YEAR;
    // 2400 this year; the milestone of 30 June leaves 6 months of it: 1200 at risk
    String milestone = MilestoneBlockersE2ETests.plan2400(projectId);
    HttpResponse<String> created =
        IssuesE2ETests.write(
            "POST",
            "/api/issues",
            token("owner.hgt"),
            """
            {"projectId":"%s","title":"管廊征迁受阻","description":"征迁未完成，主体无法贯通",
             "category":"DEMOLITION","urgency":"URGENT","milestoneIds":["%s"]}"""
                .formatted(projectId, milestone),
            null);
    Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String issueId = json(created).get("id").asString();
    String number = json(created).get("number").asString();
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                Assertions.assertThat(
                        MilestoneBlockersE2ETests.plan(projectId)
                            .get("investmentAtRisk")
                            .asDouble())
                    .isEqualTo(1200.0));

    // the city's manager: the sentence with the API's figures for 南昌市
    Page manager = chromium.open(DESKTOP);
    login(manager, "/overview", "manager.nc");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode dashboard = json(get("/api/dashboard?year=" + year, token("manager.nc")));
              String expected =
                  dashboard.get("milestonesSlipping").asLong()
                      + " 个年度计划节点被未解决的问题卡住，南昌市 "
                      + year
                      + " 年计划投资中有 "
                      + money(dashboard.get("investmentAtRisk").asDouble())
                      + " 受影响";
              String shown = manager.locator("[data-test=at-risk-sentence]").innerText();
              if (!shown.contains(expected)) {
                manager.reload();
                manager.locator("[data-test=at-risk-sentence]").waitFor();
              }
              Assertions.assertThat(manager.locator("[data-test=at-risk-sentence]").innerText())
                  .contains(expected);
            });
    assertThat(manager.locator("[data-test=at-risk-children] [data-region='360113']"))
        .containsText("红谷滩区");
    screenshot(manager, "desktop-overview-at-risk");
    // the project for the manager: the plan's money at risk and the milestone held up by the case
    manager.navigate(GATEWAY + "/portfolio/" + projectId);
    assertThat(manager.locator("[data-test=plan-at-risk]")).containsText("1,200 万元");
    Locator held = manager.locator("[data-milestone='" + milestone + "']");
    assertThat(held.locator("[data-test=milestone-state]")).containsText("被问题卡住");
    assertThat(held.locator("[data-test=blockers]")).containsText(number);

    // the case names its milestone with the slip and the money
    Page owner = chromium.open(DESKTOP);
    login(owner, "/issues/" + issueId, "owner.hgt");
    Locator onCase = owner.locator("[data-test=case-milestones]");
    assertThat(onCase).containsText("管廊主体贯通");
    assertThat(onCase.locator("[data-test=milestone-at-risk]")).containsText("1,200 万元");
    assertThat(onCase.locator("[data-test=slip]")).containsText("天");
    screenshot(owner, "desktop-case-milestone");

    // the owner marks the milestone done on its project page: nothing is held up any more
    owner.navigate(GATEWAY + "/projects/" + projectId);
    Locator mine = owner.locator("[data-milestone='" + milestone + "']");
    mine.locator("[data-test=mark-done]").click();
    mine.locator("[data-test=confirm-done]").click();
    assertThat(mine.locator("[data-test=milestone-state]")).containsText("已完成");
    assertThat(owner.locator("[data-test=plan-at-risk]")).hasCount(0);
    JsonNode done = MilestoneBlockersE2ETests.plan(projectId).get("milestones").get(0);
    Assertions.assertThat(done.get("done").asBoolean()).isTrue();
    Assertions.assertThat(done.get("actualDate").asString())
        .isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    Assertions.assertThat(
            MilestoneBlockersE2ETests.plan(projectId).get("investmentAtRisk").asDouble())
        .isZero();
  }
}
