package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.projects.excel.ExcelSheets;
import cn.gov.jx.majorprojects.projects.excel.ExcelSheets.SheetRow;
import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The project sheet: one layout for export and import, Chinese headers, enum codes as values, dates
 * as {@code YYYY-MM-DD} text and amounts (10k CNY) as numbers. Import reads the columns by header,
 * so the export-only columns at the end (actual start, warning) are simply ignored.
 */
final class ProjectExcel {

  static final String CONTENT_TYPE = ExcelSheets.CONTENT_TYPE;
  static final String SHEET = "重点项目";

  /** Header → field of {@link ProjectRequest}, in column order. */
  static final String[][] COLUMNS = {
    {"项目代码", "code"},
    {"项目名称", "name"},
    {"项目级别", "level"},
    {"所在区县代码", "regionCode"},
    {"行业", "industry"},
    {"业主单位代码", "ownerOrg"},
    {"业主单位名称", "ownerOrgName"},
    {"总投资（万元）", "totalInvestment"},
    {"计划开工日期", "plannedStart"},
    {"计划竣工日期", "plannedFinish"},
    {"项目状态", "status"},
    {"项目简介", "description"}
  };

  static final String[] EXPORT_ONLY = {"实际开工日期", "预警等级"};

  static final int MAX_SHEET_PART_BYTES = ExcelSheets.MAX_SHEET_PART_BYTES;

  private ProjectExcel() {}

  static byte[] write(Iterable<Project> projects) {
    // streaming writer: only a window of rows is held in memory however long the list
    try (SXSSFWorkbook book = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(SHEET);
      CellStyle asText = book.createCellStyle();
      asText.setQuotePrefixed(true);
      Row header = sheet.createRow(0);
      int c = 0;
      for (String[] column : COLUMNS) {
        header.createCell(c++).setCellValue(column[0]);
      }
      for (String extra : EXPORT_ONLY) {
        header.createCell(c++).setCellValue(extra);
      }
      int r = 1;
      for (Project p : projects) {
        Row row = sheet.createRow(r++);
        Texts text = (column, value) -> text(row, column, value, asText);
        text.put(0, p.getCode());
        text.put(1, p.getName());
        text.put(2, p.getLevel());
        text.put(3, p.getRegionCode());
        text.put(4, p.getIndustry());
        text.put(5, p.getOwnerOrg());
        text.put(6, p.getOwnerOrgName());
        if (p.getTotalInvestment() != null) {
          row.createCell(7).setCellValue(p.getTotalInvestment().doubleValue());
        }
        text.put(8, p.getPlannedStart());
        text.put(9, p.getPlannedFinish());
        text.put(10, p.getStatus());
        text.put(11, p.getDescription());
        text.put(12, p.getActualStart());
        text.put(13, p.getWarning() == null ? null : p.getWarning().level());
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Texts {
    void put(int column, Object value);
  }

  private static void text(Row row, int column, Object value, CellStyle asText) {
    ExcelSheets.text(row, column, value, asText);
  }

  static List<SheetRow> read(InputStream in, int maxRows, List<FieldProblem> problems) {
    return ExcelSheets.read(in, COLUMNS, maxRows, problems).rows();
  }
}
