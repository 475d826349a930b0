package cn.gov.jx.majorprojects.projects.project;

import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The project sheet: one layout for export and import, Chinese headers, enum codes as values, dates
 * as {@code YYYY-MM-DD} text and amounts (10k CNY) as numbers. Import reads the columns by header,
 * so the export-only columns at the end (actual start, warning) are simply ignored.
 */
final class ProjectExcel {

  static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
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

  /**
   * Upper bound of any one part of an uploaded workbook once unzipped. POI already refuses parts
   * that inflate more than 100-fold (zip bombs) and parses with external entities and DOCTYPEs off
   * (XXE); its own size bound is 4 GB, so a poorly compressible part could still fill the heap of a
   * 256 MB service. A full import ({@link ProjectImport#MAX_ROWS} rows with long texts) stays well
   * below this.
   */
  static final int MAX_SHEET_PART_BYTES = 32 * 1024 * 1024;

  static {
    ZipSecureFile.setMaxEntrySize(MAX_SHEET_PART_BYTES);
  }

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

  /**
   * A text cell. Text a spreadsheet would take for a formula once someone edits the cell ({@code =
   * + - @}, or a tab or carriage return before one) is marked as text with Excel's own quote prefix
   * (shown without the quote, read back unchanged): an exported name like {@code =HYPERLINK(...)}
   * never becomes a live formula in a coordinator's Excel (CSV/formula injection, OWASP).
   */
  private static void text(Row row, int column, Object value, CellStyle asText) {
    if (value != null) {
      String text = value.toString();
      Cell cell = row.createCell(column);
      cell.setCellValue(text);
      if (looksLikeFormula(text)) {
        cell.setCellStyle(asText);
      }
    }
  }

  static boolean looksLikeFormula(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }

  /** One data row read from a sheet: its row number as Excel shows it and the raw values. */
  record SheetRow(int number, Map<String, Object> values) {}

  /** Reads the sheet; layout problems (missing headers, not an .xlsx) come back as problems. */
  static List<SheetRow> read(InputStream in, int maxRows, List<FieldProblem> problems) {
    List<SheetRow> rows = new ArrayList<>();
    try (Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheetAt(0);
      Row header = sheet.getRow(sheet.getFirstRowNum());
      Map<String, Integer> columnOf = new HashMap<>();
      DataFormatter format = new DataFormatter();
      if (header != null) {
        for (Cell cell : header) {
          columnOf.put(format.formatCellValue(cell).strip(), cell.getColumnIndex());
        }
      }
      for (String[] column : COLUMNS) {
        if (!columnOf.containsKey(column[0])) {
          problems.add(new FieldProblem("file", "column " + column[0] + " is missing"));
        }
      }
      if (!problems.isEmpty()) {
        return rows;
      }
      for (int i = sheet.getFirstRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        if (row == null || isBlank(row, format)) {
          continue;
        }
        if (rows.size() == maxRows) {
          problems.add(new FieldProblem("file", "at most " + maxRows + " rows per import"));
          return rows;
        }
        Map<String, Object> values = new HashMap<>();
        for (String[] column : COLUMNS) {
          values.put(column[1], value(row.getCell(columnOf.get(column[0])), format));
        }
        rows.add(new SheetRow(i + 1, values));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new FieldProblem("file", "is not a readable .xlsx workbook"));
    }
    return rows;
  }

  private static boolean isBlank(Row row, DataFormatter format) {
    for (Cell cell : row) {
      if (!format.formatCellValue(cell).isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Object value(Cell cell, DataFormatter format) {
    if (cell == null) {
      return null;
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate();
      }
      // Double.toString's shortest form: 1234.5678 stays 1234.5678, never 1234.56779999
      return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
    }
    String text = format.formatCellValue(cell).strip();
    return text.isEmpty() ? null : text;
  }

  static String string(Object value) {
    return value == null ? null : value.toString();
  }

  static BigDecimal decimal(Object value, String field, List<FieldProblem> problems) {
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    try {
      return new BigDecimal(value.toString().replace(",", ""));
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "must be a number"));
      return null;
    }
  }

  static LocalDate date(Object value, String field, List<FieldProblem> problems) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    try {
      return LocalDate.parse(value.toString());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD"));
      return null;
    }
  }

  static <E extends Enum<E>> E enumOf(
      Class<E> type, Object value, String field, List<FieldProblem> problems) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(
              field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }
}
