package cn.gov.jx.majorprojects.projects.progress;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.projects.progress.ProgressReport.Revision;
import cn.gov.jx.majorprojects.projects.project.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monthly report sheets (一次填报). The template: one row per project, the project and last month's
 * figures locked for reference, this month's columns open (prefilled with the month's latest
 * revision if there is one); the upload is read by header, so only {@link #IMPORTED} count. The
 * export: one row per project of a region and month, reported or not.
 */
final class ReportWorkbook {

  static final String SHEET_PREFIX = "月度进展 ";

  /** Header → field read back on upload: the project and this month's figures. */
  static final String[][] IMPORTED = {
    {"项目ID", "projectId"},
    {"本月完成投资（万元）", "investmentCompleted"},
    {"形象进度（%）", "physicalProgressPercent"},
    {"在场工人数", "workersOnSite"},
    {"现场状态", "siteState"},
    {"停工原因", "suspensionReason"},
    {"备注", "note"}
  };

  static final String[] TEMPLATE_HEADERS = {
    "项目ID",
    "项目代码",
    "项目名称",
    "上月完成投资（万元）",
    "上月形象进度（%）",
    "上月在场工人数",
    "上月现场状态",
    "本月完成投资（万元）",
    "形象进度（%）",
    "在场工人数",
    "现场状态",
    "停工原因",
    "备注",
    "本月已报版本",
    "退回修改原因"
  };

  /** The open (fillable) columns of the template: this month's figures. */
  static final int FIRST_INPUT = 7;

  static final int LAST_INPUT = 12;

  static final String[] EXPORT_HEADERS = {
    "项目ID",
    "项目代码",
    "项目名称",
    "所在区县代码",
    "业主单位代码",
    "业主单位名称",
    "月份",
    "报送情况",
    "版本",
    "完成投资（万元）",
    "形象进度（%）",
    "在场工人数",
    "现场状态",
    "停工原因",
    "备注",
    "报送人",
    "报送时间",
    "退回修改原因"
  };

  private static final Pattern PERIOD = Pattern.compile("(\\d{4}-\\d{2})");

  private ReportWorkbook() {}

  /** A project in the template with last month's report and this month's, either may be null. */
  record TemplateRow(Project project, ProgressReport lastMonth, ProgressReport thisMonth) {}

  /** A project of the export with the month's report, or null when it has not reported. */
  record ExportRow(Project project, ProgressReport report) {}

  /** The period a sheet was made for, from its name ("月度进展 2026-11"); null if it names none. */
  static String periodOf(String sheetName) {
    if (sheetName == null) {
      return null;
    }
    Matcher m = PERIOD.matcher(sheetName);
    return m.find() ? m.group(1) : null;
  }

  /** A new row that starts with the project's id, code and name (columns 0-2, as text). */
  private static Row projectRow(Sheet sheet, int index, Project p, CellStyle asText) {
    Row row = sheet.createRow(index);
    ExcelSheets.text(row, 0, p.getId(), asText);
    ExcelSheets.text(row, 1, p.getCode(), asText);
    ExcelSheets.text(row, 2, p.getName(), asText);
    return row;
  }

  static byte[] template(YearMonth period, List<TemplateRow> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet(SHEET_PREFIX + period);
      CellStyle asText = book.createCellStyle();
      asText.setQuotePrefixed(true);
      CellStyle open = book.createCellStyle();
      open.setLocked(false);
      CellStyle openText = book.createCellStyle();
      openText.setLocked(false);
      openText.setQuotePrefixed(true);
      header(sheet, TEMPLATE_HEADERS);
      int r = 1;
      for (TemplateRow t : rows) {
        Row row = projectRow(sheet, r++, t.project(), asText);
        if (t.lastMonth() != null) {
          Revision last = t.lastMonth().current();
          number(row, 3, last.investmentCompleted(), null);
          number(row, 4, last.physicalProgressPercent(), null);
          row.createCell(5).setCellValue(last.workersOnSite());
          ExcelSheets.text(row, 6, last.siteState(), asText);
        }
        for (int c = FIRST_INPUT; c <= LAST_INPUT; c++) {
          row.createCell(c).setCellStyle(open);
        }
        if (t.thisMonth() != null) {
          Revision now = t.thisMonth().current();
          number(row, 7, now.investmentCompleted(), open);
          number(row, 8, now.physicalProgressPercent(), open);
          row.getCell(9).setCellValue(now.workersOnSite());
          openText(row, 10, now.siteState(), openText);
          openText(row, 11, now.suspensionReason(), openText);
          openText(row, 12, now.note(), openText);
          row.createCell(13).setCellValue(t.thisMonth().revision);
          CorrectionRequest pending = t.thisMonth().correctionRequested;
          ExcelSheets.text(row, 14, pending == null ? null : pending.reason(), asText);
        }
      }
      if (!rows.isEmpty()) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String[] states = Arrays.stream(SiteState.values()).map(Enum::name).toArray(String[]::new);
        sheet.addValidationData(
            helper.createValidation(
                helper.createExplicitListConstraint(states),
                new CellRangeAddressList(1, rows.size(), 10, 10)));
      }
      // locked cells guard against slips; the upload is checked whatever the sheet says
      sheet.lockFormatColumns(false);
      sheet.enableLocking();
      for (int c = 0; c < TEMPLATE_HEADERS.length; c++) {
        sheet.setColumnWidth(c, (c == 2 ? 30 : 14) * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] export(YearMonth period, List<ExportRow> rows) {
    // streaming writer: only a window of rows is held in memory however long the list
    try (SXSSFWorkbook book = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(SHEET_PREFIX + period);
      CellStyle asText = book.createCellStyle();
      asText.setQuotePrefixed(true);
      header(sheet, EXPORT_HEADERS);
      int r = 1;
      for (ExportRow e : rows) {
        Row row = projectRow(sheet, r++, e.project(), asText);
        Project p = e.project();
        ExcelSheets.text(row, 3, p.getRegionCode(), asText);
        ExcelSheets.text(row, 4, p.getOwnerOrg(), asText);
        ExcelSheets.text(row, 5, p.getOwnerOrgName(), asText);
        ExcelSheets.text(row, 6, period, asText);
        ProgressReport report = e.report();
        if (report == null) {
          ExcelSheets.text(row, 7, "未报", asText);
          continue;
        }
        Revision now = report.current();
        ExcelSheets.text(row, 7, report.late ? "迟报" : "已报", asText);
        row.createCell(8).setCellValue(report.revision);
        number(row, 9, now.investmentCompleted(), null);
        number(row, 10, now.physicalProgressPercent(), null);
        row.createCell(11).setCellValue(now.workersOnSite());
        ExcelSheets.text(row, 12, now.siteState(), asText);
        ExcelSheets.text(row, 13, now.suspensionReason(), asText);
        ExcelSheets.text(row, 14, now.note(), asText);
        ExcelSheets.text(row, 15, now.submittedBy(), asText);
        ExcelSheets.text(row, 16, now.submittedAt(), asText);
        CorrectionRequest pending = report.correctionRequested;
        ExcelSheets.text(row, 17, pending == null ? null : pending.reason(), asText);
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(Sheet sheet, String[] headers) {
    Row header = sheet.createRow(0);
    for (int c = 0; c < headers.length; c++) {
      header.createCell(c).setCellValue(headers[c]);
    }
  }

  private static void number(Row row, int column, BigDecimal value, CellStyle style) {
    Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
    }
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  /** An open text cell keeps its open style; formula-looking text also gets the quote prefix. */
  private static void openText(Row row, int column, Object value, CellStyle openText) {
    if (value == null) {
      return;
    }
    Cell cell = row.getCell(column);
    cell.setCellValue(value.toString());
    if (ExcelSheets.looksLikeFormula(value.toString())) {
      cell.setCellStyle(openText);
    }
  }
}
