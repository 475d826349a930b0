package cn.gov.jx.majorprojects.projects.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ProgressReportExcelApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String tunnel;
  String station;
  String planned;
  String ganzhou;

  @BeforeEach
  void projects() throws Exception {
    ReportFixtures.emptyStore(mongo);
    tunnel =
        create(
            "000111", "360113", "org-nc-metro", "=HYPERLINK(\"http://x\")隧道", "UNDER_CONSTRUCTION");
    station = create("000112", "360113", "org-nc-metro", "红谷滩地铁站", "UNDER_CONSTRUCTION");
    planned = create("000113", "360113", "org-nc-metro", "远期停车场", "PLANNED");
    ganzhou = create("000114", "360702", "org-gz-energy", "章贡区热电联产", "UNDER_CONSTRUCTION");
    // last month's figures of the tunnel, to be shown on the template
    mvc.perform(
            put("/api/projects/" + tunnel + "/progress-reports/2026-10")
                .with(TestUsers.ownerHgt())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"investmentCompleted":800.25,"physicalProgressPercent":30,"workersOnSite":95,
                     "siteState":"WORKING"}
                    """))
        .andExpect(status().isCreated());
  }

  String create(String serial, String region, String org, String name, String status)
      throws Exception {
    return ReportFixtures.project(mvc, serial, region, org, name, status);
  }

  byte[] template(RequestPostProcessor who, String period) throws Exception {
    return mvc.perform(get("/api/progress-reports/template").param("period", period).with(who))
        .andExpect(status().isOk())
        .andExpect(content().contentType(ExcelSheets.CONTENT_TYPE))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  ResultActions upload(RequestPostProcessor who, String period, byte[] sheet) throws Exception {
    return mvc.perform(
        multipart("/api/progress-reports/import")
            .file(new MockMultipartFile("file", "reports.xlsx", ExcelSheets.CONTENT_TYPE, sheet))
            .param("period", period)
            .with(who));
  }

  /** Fills this month's columns (H to M) of the template row of a project. */
  static void fill(Sheet sheet, String projectId, Object... values) {
    for (Row row : sheet) {
      if (row.getRowNum() > 0 && projectId.equals(row.getCell(0).getStringCellValue())) {
        for (int i = 0; i < values.length; i++) {
          var cell = row.getCell(7 + i) == null ? row.createCell(7 + i) : row.getCell(7 + i);
          if (values[i] instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (values[i] != null) {
            cell.setCellValue(values[i].toString());
          } else {
            cell.setBlank();
          }
        }
        return;
      }
    }
    throw new AssertionError("no template row for " + projectId);
  }

  static byte[] bytes(XSSFWorkbook book) throws Exception {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.write(out);
      return out.toByteArray();
    }
  }

  long reports() {
    return mongo.getCollection("progress_reports").countDocuments();
  }

  @Test
  void anOwnerFillsTheTemplateOnceAndEachRowBecomesARevisionLikeThePut() throws Exception {
    byte[] template = template(TestUsers.ownerHgt(), "2026-11");
    byte[] filled;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("月度进展 2026-11");
      assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("本月完成投资（万元）");
      // the owner's two building projects, neither the planned one nor another org's
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      Row tunnelRow =
          sheet.getRow(1).getCell(0).getStringCellValue().equals(tunnel)
              ? sheet.getRow(1)
              : sheet.getRow(2);
      assertThat(tunnelRow.getCell(3).getNumericCellValue()).isEqualTo(800.25);
      assertThat(tunnelRow.getCell(5).getNumericCellValue()).isEqualTo(95.0);
      assertThat(tunnelRow.getCell(6).getStringCellValue()).isEqualTo("WORKING");
      // a name that looks like a formula stays text; project and last month are locked
      assertThat(tunnelRow.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(tunnelRow.getCell(2).getCellStyle().getLocked()).isTrue();
      assertThat(tunnelRow.getCell(7).getCellStyle().getLocked()).isFalse();
      assertThat(sheet.getProtect()).isTrue();

      fill(sheet, tunnel, 900.5, 38.5, 110, "WORKING", null, "盾构推进");
      fill(sheet, station, 0, 12, 0, "SUSPENDED", "征地未完成", null);
      filled = bytes(book);
    }
    upload(TestUsers.ownerHgt(), "2026-11", filled)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.filed").value(2))
        .andExpect(jsonPath("$.unchanged").value(0));

    mvc.perform(
            get("/api/projects/" + tunnel + "/progress-reports/2026-11").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.revision").value(1))
        .andExpect(jsonPath("$.late").value(false))
        .andExpect(jsonPath("$.investmentCompleted").value(900.5))
        .andExpect(jsonPath("$.physicalProgressPercent").value(38.5))
        .andExpect(jsonPath("$.note").value("盾构推进"))
        .andExpect(jsonPath("$.submittedBy").value("owner.hgt"));
    mvc.perform(
            get("/api/projects/" + station + "/progress-reports/2026-11")
                .with(TestUsers.ownerHgt()))
        .andExpect(jsonPath("$.siteState").value("SUSPENDED"))
        .andExpect(jsonPath("$.suspensionReason").value("征地未完成"));
    // the same path as the PUT: the roll-ups follow each filing
    mvc.perform(
            get("/api/dashboard")
                .param("regionCode", "360113")
                .param("year", "2026")
                .with(TestUsers.coordHgt()))
        .andExpect(jsonPath("$.completedInvestment").value(1700.75));

    // uploading the same file again files nothing twice; a changed row is the next revision
    upload(TestUsers.ownerHgt(), "2026-11", filled)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.filed").value(0))
        .andExpect(jsonPath("$.unchanged").value(2));
    byte[] corrected;
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(template(TestUsers.ownerHgt(), "2026-11")))) {
      XSSFSheet sheet = book.getSheetAt(0);
      Row tunnelRow =
          sheet.getRow(1).getCell(0).getStringCellValue().equals(tunnel)
              ? sheet.getRow(1)
              : sheet.getRow(2);
      // this month's revision comes prefilled
      assertThat(tunnelRow.getCell(7).getNumericCellValue()).isEqualTo(900.5);
      assertThat(tunnelRow.getCell(13).getNumericCellValue()).isEqualTo(1.0);
      tunnelRow.getCell(7).setCellValue(950);
      corrected = bytes(book);
    }
    upload(TestUsers.ownerHgt(), "2026-11", corrected)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.filed").value(1))
        .andExpect(jsonPath("$.revisions[0].projectId").value(tunnel))
        .andExpect(jsonPath("$.revisions[0].revision").value(2));
    mvc.perform(
            get("/api/projects/" + tunnel + "/progress-reports/2026-11/revisions")
                .with(TestUsers.managerNc()))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[1].investmentCompleted").value(950));
  }

  @Test
  void anyBadRowRefusesTheWholeSheetNamingRowAndColumnAndNothingIsFiled() throws Exception {
    byte[] bad;
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(template(TestUsers.ownerHgt(), "2026-11")))) {
      XSSFSheet sheet = book.getSheetAt(0);
      fill(sheet, tunnel, -5, 30, 100, "WORKING", null, null);
      fill(sheet, station, 10, 30, 100, "SUSPENDED", null, null);
      // a row naming another organisation's project, and one repeating the tunnel
      Row foreign = sheet.createRow(3);
      foreign.createCell(0).setCellValue(ganzhou);
      Row repeat = sheet.createRow(4);
      repeat.createCell(0).setCellValue(tunnel);
      Row words = sheet.createRow(5);
      words.createCell(0).setCellValue(planned);
      for (Row r : List.of(foreign, repeat, words)) {
        r.createCell(7).setCellValue(1);
        r.createCell(8).setCellValue(1);
        r.createCell(9).setCellValue(1);
        r.createCell(10).setCellValue("WORKING");
      }
      words.getCell(9).setCellValue("很多");
      bad = bytes(book);
    }
    long before = reports();
    upload(TestUsers.ownerHgt(), "2026-11", bad)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors.length()").value(5))
        .andExpect(jsonPath("$.errors[0].field").value("row 2: investmentCompleted"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.startsWith("column H (本月完成投资（万元）)")))
        .andExpect(jsonPath("$.errors[1].field").value("row 3: suspensionReason"))
        .andExpect(
            jsonPath("$.errors[1].message")
                .value(org.hamcrest.Matchers.startsWith("column L (停工原因)")))
        .andExpect(jsonPath("$.errors[2].field").value("row 4: projectId"))
        .andExpect(jsonPath("$.errors[3].field").value("row 5: projectId"))
        .andExpect(
            jsonPath("$.errors[3].message").value(org.hamcrest.Matchers.endsWith("repeats row 2")))
        .andExpect(jsonPath("$.errors[4].field").value("row 6: workersOnSite"));
    assertThat(reports()).isEqualTo(before);

    // another organisation uploading the Nanchang rows: its own projects only, nothing filed
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(template(TestUsers.ownerHgt(), "2026-11")))) {
      fill(book.getSheetAt(0), station, 10, 30, 100, "WORKING", null, null);
      upload(TestUsers.ownerZg(), "2026-11", bytes(book))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors.length()").value(1))
          .andExpect(jsonPath("$.errors[0].field").value("row 3: projectId"));
      // last month's template uploaded for this month
      upload(TestUsers.ownerHgt(), "2026-10", bytes(book))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
    upload(TestUsers.ownerHgt(), "2026-11", "not a workbook".getBytes())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    upload(TestUsers.ownerHgt(), "2026-12", bad)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
    assertThat(reports()).isEqualTo(before);
  }

  @Test
  void templatesAndUploadsAreForOwnersOnly() throws Exception {
    byte[] sheet = template(TestUsers.ownerHgt(), "2026-11");
    for (RequestPostProcessor notOwner :
        List.of(TestUsers.coordHgt(), TestUsers.managerNc(), TestUsers.admin())) {
      mvc.perform(get("/api/progress-reports/template").param("period", "2026-11").with(notOwner))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      upload(notOwner, "2026-11", sheet).andExpect(status().isForbidden());
    }
    assertThat(reports()).isEqualTo(1);
  }

  @Test
  void theExportShowsEveryProjectOfTheRegionReportedOrNotForItsOfficialsOnly() throws Exception {
    byte[] bytes =
        mvc.perform(
                get("/api/progress-reports/export")
                    .param("regionCode", "360100")
                    .param("period", "2026-10")
                    .with(TestUsers.coordNc()))
            .andExpect(status().isOk())
            .andExpect(content().contentType(ExcelSheets.CONTENT_TYPE))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("报送情况");
      // tunnel (reported, late: filed on 26 Nov) and station (building, not reported)
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      for (int r = 1; r <= 2; r++) {
        Row row = sheet.getRow(r);
        if (row.getCell(0).getStringCellValue().equals(tunnel)) {
          assertThat(row.getCell(7).getStringCellValue()).isEqualTo("迟报");
          assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(800.25);
          assertThat(row.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
        } else {
          assertThat(row.getCell(0).getStringCellValue()).isEqualTo(station);
          assertThat(row.getCell(7).getStringCellValue()).isEqualTo("未报");
        }
      }
    }
    mvc.perform(
            get("/api/progress-reports/export")
                .param("regionCode", "360100")
                .param("period", "2026-10")
                .with(TestUsers.coordGz()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            get("/api/progress-reports/export")
                .param("period", "2026-10")
                .with(TestUsers.ownerHgt()))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/progress-reports/export").param("period", "2026-1").with(TestUsers.coordNc()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("period"));
  }
}
