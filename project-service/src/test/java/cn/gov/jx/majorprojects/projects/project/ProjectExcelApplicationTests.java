package cn.gov.jx.majorprojects.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.jx.majorprojects.projects.FixedClockConfiguration;
import cn.gov.jx.majorprojects.support.testing.EmbeddedMongoConfiguration;
import cn.gov.jx.majorprojects.support.testing.TestUsers;
import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import({EmbeddedMongoConfiguration.class, FixedClockConfiguration.class})
class ProjectExcelApplicationTests {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired MultipartConfigElement multipart;

  /**
   * MockMvc bypasses the servlet's multipart limits, so this reads them: an import as large as the
   * gateway lets through (its application.yml default) is parsed, not refused with a 413 here.
   */
  @Test
  void theUploadLimitIsAtLeastTheGatewaysImportLimit() throws Exception {
    String gateway =
        Files.readString(
            Path.of("")
                .toAbsolutePath()
                .getParent()
                .resolve("gateway/src/main/resources/application.yml"));
    Matcher limit =
        Pattern.compile("import-path: \\$\\{GATEWAY_MAX_IMPORT_BODY:(\\d+)MB}").matcher(gateway);
    assertThat(limit.find()).as("the gateway's import limit").isTrue();
    long bytes = DataSize.ofMegabytes(Long.parseLong(limit.group(1))).toBytes();
    assertThat(multipart.getMaxFileSize()).isGreaterThanOrEqualTo(bytes);
    assertThat(multipart.getMaxRequestSize()).isGreaterThanOrEqualTo(bytes);
  }

  @BeforeEach
  void empty() {
    mongo.remove(new Query(), "projects");
  }

  void create(String code, String region, String org, String name) throws Exception {
    mvc.perform(
            post("/api/projects")
                .with(TestUsers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"code":"%s","name":"%s","level":"CITY","regionCode":"%s","industry":"ENERGY",
                     "ownerOrg":"%s","ownerOrgName":"业主","totalInvestment":1234.5678,
                     "plannedStart":"2027-01-01","plannedFinish":"2028-12-31"}
                    """
                        .formatted(code, name, region, org)))
        .andExpect(status().isCreated());
  }

  static byte[] workbook(String[]... rows) throws Exception {
    try (Workbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("重点项目");
      Row header = sheet.createRow(0);
      for (int c = 0; c < ProjectExcel.COLUMNS.length; c++) {
        header.createCell(c).setCellValue(ProjectExcel.COLUMNS[c][0]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          if (c == 7) {
            row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
          } else if (rows[r][c] != null) {
            row.createCell(c).setCellValue(rows[r][c]);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  static String[] row(String code, String region) {
    return new String[] {
      code,
      "赣江新区光伏电站",
      "CITY",
      region,
      "ENERGY",
      "org-nc-metro",
      "南昌轨道交通集团",
      "8888.1234",
      "2027-03-01",
      "2029-06-30",
      "PLANNED",
      "导入"
    };
  }

  static MockMultipartFile file(byte[] bytes) {
    return new MockMultipartFile("file", "projects.xlsx", ProjectExcel.CONTENT_TYPE, bytes);
  }

  @Test
  void exportFollowsTheListFiltersAndScopeWithChineseHeaders() throws Exception {
    create("2026-360113-48-01-000501", "360113", "org-nc-metro", "红谷滩储能电站");
    create("2026-360702-48-01-000502", "360702", "org-gz-energy", "章贡区热电联产");
    byte[] bytes =
        mvc.perform(get("/api/projects/export?industry=ENERGY").with(TestUsers.managerNc()))
            .andExpect(status().isOk())
            .andExpect(content().contentType(ProjectExcel.CONTENT_TYPE))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目代码");
      assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("总投资（万元）");
      // Nanchang's manager sees only the Nanchang project
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("红谷滩储能电站");
      assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(1234.5678);
    }
    byte[] owners =
        mvc.perform(get("/api/projects/export").with(TestUsers.ownerZg()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(owners))) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
      assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("章贡区热电联产");
    }
  }

  @Test
  void anExportedSheetImportsBackAndAValidSheetImportsAllRows() throws Exception {
    byte[] sheet =
        workbook(
            row("2027-360113-48-01-000601", "360113"), row("2027-360102-48-01-000602", "360102"));
    mvc.perform(multipart("/api/projects/import").file(file(sheet)).with(TestUsers.managerNc()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(2));
    mvc.perform(get("/api/projects?q=000602").with(TestUsers.coordNc()))
        .andExpect(jsonPath("$.content[0].name").value("赣江新区光伏电站"))
        .andExpect(jsonPath("$.content[0].totalInvestment").value(8888.1234))
        .andExpect(jsonPath("$.content[0].plannedStart").value("2027-03-01"));

    byte[] exported =
        mvc.perform(get("/api/projects/export").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    mongo.remove(new Query(), "projects");
    mvc.perform(multipart("/api/projects/import").file(file(exported)).with(TestUsers.admin()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(2));
  }

  @Test
  void anyBadRowRefusesTheWholeSheetWithRowByRowReasons() throws Exception {
    String[] badCode = row("2027-3601-1", "360113");
    String[] outside = row("2027-360702-48-01-000702", "360702");
    String[] repeated = row("2027-360113-48-01-000701", "360113");
    String[] badEnum = row("2027-360113-48-01-000703", "360113");
    badEnum[4] = "MINING";
    byte[] sheet =
        workbook(row("2027-360113-48-01-000701", "360113"), badCode, outside, repeated, badEnum);
    mvc.perform(multipart("/api/projects/import").file(file(sheet)).with(TestUsers.managerNc()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors.length()").value(4))
        .andExpect(jsonPath("$.errors[0].field").value("row 3: code"))
        .andExpect(jsonPath("$.errors[1].field").value("row 4: regionCode"))
        .andExpect(jsonPath("$.errors[2].field").value("row 5: code"))
        .andExpect(jsonPath("$.errors[2].message").value("repeats row 2"))
        .andExpect(jsonPath("$.errors[3].field").value("row 6: industry"));
    assertThat(mongo.getCollection("projects").countDocuments()).isZero();

    mvc.perform(
            multipart("/api/projects/import")
                .file(file("not a workbook".getBytes()))
                .with(TestUsers.admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(
            multipart("/api/projects/import")
                .file(file(workbook(row("2027-360113-48-01-000801", "360113"))))
                .with(TestUsers.coordHgt()))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/api/projects/import")
                .file(file(workbook(row("2027-360113-48-01-000801", "360113"))))
                .with(TestUsers.ownerHgt()))
        .andExpect(status().isForbidden());
    assertThat(mongo.getCollection("projects").countDocuments()).isZero();
  }
}
