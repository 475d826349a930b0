package cn.gov.jx.majorprojects.projects.excel;

import cn.gov.jx.majorprojects.support.web.Problems.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * What every sheet of this service shares (Apache POI): reading uploaded workbooks by Chinese
 * header within size bounds, writing text cells that never turn into formulas, and turning cell
 * values into typed fields with field problems instead of exceptions.
 */
public final class ExcelSheets {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * Upper bound of any one part of an uploaded workbook once unzipped. POI already refuses parts
   * that inflate more than 100-fold (zip bombs) and parses with external entities and DOCTYPEs off
   * (XXE); its own size bound is 4 GB, so a poorly compressible part could still fill the heap of a
   * 256 MB service. A full import (10 000 rows with long texts) stays well below this.
   */
  public static final int MAX_SHEET_PART_BYTES = 32 * 1024 * 1024;

  static {
    ZipSecureFile.setMaxEntrySize(MAX_SHEET_PART_BYTES);
  }

  private ExcelSheets() {}

  /** One data row read from a sheet: its row number as Excel shows it and the raw values. */
  public record SheetRow(int number, Map<String, Object> values) {}

  /**
   * The first sheet of an upload: its name, its non-blank data rows and where each field's column
   * is (0-based), for messages naming the cell.
   */
  public record Table(String name, List<SheetRow> rows, Map<String, Integer> columnOf) {

    /** "H (本月完成投资（万元）)": the column letter and header of a field, or the field itself. */
    public String column(String field, String[][] columns) {
      for (String[] column : columns) {
        if (column[1].equals(field) && columnOf.containsKey(field)) {
          return letter(columnOf.get(field)) + " (" + column[0] + ")";
        }
      }
      return field;
    }
  }

  /**
   * Reads the first sheet; {@code columns} are {header, field} pairs, looked up by header so column
   * order and extra columns do not matter. Layout problems (missing headers, not an .xlsx, too many
   * rows) come back as problems on {@code file}; a formula in a read column as one on its row and
   * field (formulas are never evaluated, and their text is no value).
   */
  public static Table read(
      InputStream in, String[][] columns, int maxRows, List<FieldProblem> problems) {
    List<SheetRow> rows = new ArrayList<>();
    Map<String, Integer> fieldColumns = new HashMap<>();
    String name = null;
    Path file = null;
    try {
      // from a file, POI inflates each entry as it is read instead of the whole package up front
      file = Files.createTempFile("upload-", ".xlsx");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      try {
        name =
            SheetStream.read(
                pkg, new RowCollector(columns, maxRows, problems, rows, fieldColumns)::accept);
      } finally {
        pkg.revert(); // read-only: close() would try to save it
      }
    } catch (SheetStream.TooLarge e) {
      problems.add(new FieldProblem("file", e.getMessage()));
    } catch (Exception e) {
      problems.add(new FieldProblem("file", "is not a readable .xlsx workbook"));
    } finally {
      deleteQuietly(file);
    }
    return new Table(name, rows, fieldColumns);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  /**
   * The header (the first row) names the columns; then every non-blank row up to {@code maxRows},
   * each field's value from its column; a formula in a read column is a problem of its row.
   */
  private static final class RowCollector {
    private final String[][] columns;
    private final int maxRows;
    private final List<FieldProblem> problems;
    private final List<SheetRow> rows;
    private final Map<String, Integer> fieldColumns;
    private Map<String, Integer> columnOf;

    RowCollector(
        String[][] columns,
        int maxRows,
        List<FieldProblem> problems,
        List<SheetRow> rows,
        Map<String, Integer> fieldColumns) {
      this.columns = columns;
      this.maxRows = maxRows;
      this.problems = problems;
      this.rows = rows;
      this.fieldColumns = fieldColumns;
    }

    boolean accept(SheetStream.RawRow row) {
      if (columnOf == null) {
        return header(row);
      }
      if (row.cells().isEmpty()) {
        return true;
      }
      if (rows.size() == maxRows) {
        problems.add(new FieldProblem("file", "at most " + maxRows + " rows per import"));
        return false;
      }
      Map<String, Object> values = new HashMap<>();
      for (String[] column : columns) {
        int index = columnOf.get(column[0]);
        SheetStream.Cell cell = row.cells().get(index);
        if (cell != null && cell.formula()) {
          // its source is no value and its cached result is whatever the file claims: refused
          problems.add(
              new FieldProblem(
                  "row " + row.number() + ": " + column[1],
                  "column "
                      + letter(index)
                      + " ("
                      + column[0]
                      + ") is a formula; enter its value instead"));
        } else {
          values.put(column[1], cell == null ? null : textOrValue(cell.value()));
        }
      }
      rows.add(new SheetRow(row.number(), values));
      return true;
    }

    private boolean header(SheetStream.RawRow row) {
      columnOf = new HashMap<>();
      row.cells()
          .forEach(
              (index, cell) -> {
                if (!cell.formula() && cell.value() != null) {
                  columnOf.put(cell.value().toString().strip(), index);
                }
              });
      for (String[] column : columns) {
        if (!columnOf.containsKey(column[0])) {
          problems.add(new FieldProblem("file", "column " + column[0] + " is missing"));
        }
      }
      if (!problems.isEmpty()) {
        return false;
      }
      for (String[] column : columns) {
        fieldColumns.put(column[1], columnOf.get(column[0]));
      }
      return true;
    }

    private static Object textOrValue(Object value) {
      if (value instanceof String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
      }
      return value;
    }
  }

  /** Excel's column letter of a 0-based index (0 → A, 27 → AB), for messages naming a cell. */
  public static String letter(int column) {
    StringBuilder out = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      out.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return out.toString();
  }

  /**
   * A text cell. Text a spreadsheet would take for a formula once someone edits the cell ({@code =
   * + - @}, or a tab or carriage return before one) is marked as text with Excel's own quote prefix
   * (shown without the quote, read back unchanged): an exported name like {@code =HYPERLINK(...)}
   * never becomes a live formula in a coordinator's Excel (CSV/formula injection, OWASP).
   */
  public static Cell text(Row row, int column, Object value, CellStyle asText) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    Cell cell = row.createCell(column);
    cell.setCellValue(text);
    if (looksLikeFormula(text)) {
      cell.setCellStyle(asText);
    }
    return cell;
  }

  public static boolean looksLikeFormula(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }

  public static String string(Object value) {
    return value == null ? null : value.toString();
  }

  public static BigDecimal decimal(Object value, String field, List<FieldProblem> problems) {
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

  /** A whole number; a decimal or text cell that is not one is a problem. */
  public static Integer integer(Object value, String field, List<FieldProblem> problems) {
    BigDecimal number = decimal(value, field, problems);
    if (number == null) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      problems.add(new FieldProblem(field, "must be a whole number"));
      return null;
    }
  }

  public static LocalDate date(Object value, String field, List<FieldProblem> problems) {
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

  public static <E extends Enum<E>> E enumOf(
      Class<E> type, Object value, String field, List<FieldProblem> problems) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }
}
