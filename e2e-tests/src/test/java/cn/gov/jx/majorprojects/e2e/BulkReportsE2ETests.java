package cn.gov.jx.majorprojects.e2e;

import static cn.gov.jx.majorprojects.e2e.Platform.get;
import static cn.gov.jx.majorprojects.e2e.Platform.json;
import static cn.gov.jx.majorprojects.e2e.Platform.send;
import static cn.gov.jx.majorprojects.e2e.Platform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 一次填报 through the gateway: an owner downloads this month's template, fills its project's row and
 * uploads it; the revision is what every level reads; a coordinator returns it for correction and
 * the owner sees the reason on the report and in its notifications.
 */
class BulkReportsE2ETests {

  static HttpResponse<byte[]> download(String path, String token) throws Exception {
    return Platform.HTTP.send(
        HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<String> upload(String path, String token, byte[] file) throws Exception {
    String boundary = "----e2e" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reports.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  @Test
  void anOwnerFilesByTemplateAndACoordinatorReturnsTheReportForCorrection() throws Exception {
    String id = new ProjectsE2ETests().createAs("admin", "360113", "org-nc-metro", "红谷滩一次填报测试项目");
    String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    HttpResponse<byte[]> template =
        download("/api/progress-reports/template?period=" + period, token("owner.hgt"));
    assertThat(template.statusCode()).isEqualTo(200);
    byte[] filled;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
      Sheet sheet = book.getSheetAt(0);
      Row mine = null;
      for (Row row : sheet) {
        if (row.getRowNum() > 0 && id.equals(row.getCell(0).getStringCellValue())) {
          mine = row;
        }
      }
      assertThat(mine).as("the template row of the new project").isNotNull();
      mine.getCell(7).setCellValue(345.5);
      mine.getCell(8).setCellValue(8);
      mine.getCell(9).setCellValue(66);
      mine.getCell(10).setCellValue("WORKING");
      mine.getCell(12).setCellValue("模板填报：桩基施工");
      try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        book.write(out);
        filled = out.toByteArray();
      }
    }
    HttpResponse<String> imported =
        upload("/api/progress-reports/import?period=" + period, token("owner.hgt"), filled);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(imported.body()).contains(id);

    String path = "/api/projects/" + id + "/progress-reports/" + period;
    JsonNode revisions = json(get(path + "/revisions", token("coord.nc")));
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).get("investmentCompleted").decimalValue())
        .isEqualByComparingTo("345.5");
    assertThat(revisions.get(0).get("note").asString()).isEqualTo("模板填报：桩基施工");
    assertThat(revisions.get(0).get("submittedBy").asString()).isEqualTo("owner.hgt");

    String reason = "{\"reason\":\"在场工人数与上月差异较大，请核实\"}";
    assertThat(
            ProjectsE2ETests.write("POST", path + "/return", token("coord.gz"), reason)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            ProjectsE2ETests.write("POST", path + "/return", token("owner.hgt"), reason)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> returned =
        ProjectsE2ETests.write("POST", path + "/return", token("coord.hgt"), reason);
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);

    JsonNode seen = json(get(path, token("owner.hgt")));
    assertThat(seen.get("correctionRequested").get("reason").asString())
        .isEqualTo("在场工人数与上月差异较大，请核实");
    assertThat(seen.get("correctionRequested").get("by").asString()).isEqualTo("coord.hgt");

    // the owner organisation hears of it through the report's outbox and notification-service
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              HttpResponse<String> inbox = get("/api/notifications?size=100", token("owner.hgt"));
              assertThat(inbox.statusCode()).isEqualTo(200);
              boolean found = false;
              for (JsonNode n : json(inbox).get("content")) {
                found |=
                    id.equals(n.get("subjectId").asString())
                        && "REPORT_RETURNED".equals(n.get("type").asString());
              }
              assertThat(found).as(inbox.body()).isTrue();
            });

    HttpResponse<byte[]> export =
        download(
            "/api/progress-reports/export?regionCode=360113&period=" + period, token("coord.hgt"));
    assertThat(export.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      boolean listed = false;
      for (Row row : book.getSheetAt(0)) {
        if (id.equals(row.getCell(0).getStringCellValue())) {
          listed = true;
          assertThat(row.getCell(17).getStringCellValue()).isEqualTo("在场工人数与上月差异较大，请核实");
        }
      }
      assertThat(listed).isTrue();
    }
  }
}
