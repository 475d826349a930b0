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
import org.apache.poi.ss.usermodel.Cell;
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

  private ProjectExcel() {}

  static byte[] write(Iterable<Project> projects) {
    // streaming writer: only a window of rows is held in memory however long the list
    try (SXSSFWorkbook book = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(SHEET);
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
        text(row, 0, p.getCode());
        text(row, 1, p.getName());
        text(row, 2, p.getLevel());
        text(row, 3, p.getRegionCode());
        text(row, 4, p.getIndustry());
        text(row, 5, p.getOwnerOrg());
        text(row, 6, p.getOwnerOrgName());
        if (p.getTotalInvestment() != null) {
          row.createCell(7).setCellValue(p.getTotalInvestment().doubleValue());
        }
        text(row, 8, p.getPlannedStart());
        text(row, 9, p.getPlannedFinish());
        text(row, 10, p.getStatus());
        text(row, 11, p.getDescription());
        text(row, 12, p.getActualStart());
        text(row, 13, p.getWarning() == null ? null : p.getWarning().level());
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(Row row, int column, Object value) {
    if (value != null) {
      row.createCell(column).setCellValue(value.toString());
    }
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
