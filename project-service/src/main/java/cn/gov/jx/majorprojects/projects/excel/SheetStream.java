package cn.gov.jx.majorprojects.projects.excel;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an uploaded workbook, read as a stream of rows (SAX over the sheet's XML):
 * memory stays at one row and the shared strings, however many rows the file has, and reading stops
 * at the first row a caller does not want. A DOM of the whole workbook ({@code XSSFWorkbook}) needs
 * about 1 KB of heap per cell, so a 450 KB file of 10 001 rows took project-service's 128 MB heap
 * down (found by ExcelImportE2ETests). Parsing is POI's secure one: no DOCTYPE, no external
 * entities; the package's entries keep POI's zip-bomb and entry-size guards.
 */
final class SheetStream {

  /** Most text the shared strings may hold (characters): a full import has a few million. */
  static final long MAX_SHARED_TEXT = 16_000_000;

  /** A row as read: its 1-based number and each non-empty cell by 0-based column. */
  record RawRow(int number, Map<Integer, Cell> cells) {}

  /**
   * A cell: its text (strings, booleans, errors), or its number (numeric), or a date (numeric with
   * a date format); {@code formula} when the cell holds a formula (its cached value is left out).
   */
  record Cell(Object value, boolean formula) {
    boolean blank() {
      return !formula && (value == null || value instanceof String s && s.isBlank());
    }
  }

  /** Receives rows one by one; {@code false} stops the reading. */
  interface Rows {
    boolean row(RawRow row);
  }

  /** A layout problem of the file itself (too much text): the message names it. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Stop extends SAXException {}

  private SheetStream() {}

  /** Streams the first sheet's rows to {@code rows}; answers the sheet's name. */
  static String read(OPCPackage pkg, Rows rows) throws Exception {
    XSSFReader reader = new XSSFReader(pkg);
    List<String> strings = sharedStrings(reader);
    StylesTable styles = reader.getStylesTable();
    boolean date1904 = date1904(reader);
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    if (!sheets.hasNext()) {
      throw new IllegalStateException("no sheet");
    }
    try (InputStream sheet = sheets.next()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(new SheetHandler(strings, styles, date1904, rows));
      try {
        parser.parse(new InputSource(sheet));
      } catch (Stop stop) {
        // the caller has what it wants
      }
    }
    return sheets.getSheetName();
  }

  private static List<String> sharedStrings(XSSFReader reader) throws Exception {
    List<String> strings = new ArrayList<>();
    InputStream data;
    try {
      data = reader.getSharedStringsData();
    } catch (Exception e) {
      return strings; // a workbook without shared strings (inline strings only)
    }
    if (data == null) {
      return strings;
    }
    try (InputStream in = data) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new DefaultHandler() {
            private StringBuilder item;
            private boolean inText;
            private int phonetic;
            private long total;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
              switch (local) {
                case "si" -> item = new StringBuilder();
                case "rPh" -> phonetic++;
                case "t" -> inText = item != null && phonetic == 0;
                default -> {}
              }
            }

            @Override
            public void endElement(String uri, String local, String q) {
              switch (local) {
                case "si" -> {
                  strings.add(item.toString());
                  item = null;
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {}
              }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
              if (inText) {
                total += length;
                if (total > MAX_SHARED_TEXT) {
                  throw new TooLarge("has more text than an import takes");
                }
                item.append(ch, start, length);
              }
            }
          });
      parser.parse(new InputSource(in));
    }
    return strings;
  }

  /** Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  private static boolean date1904(XSSFReader reader) throws Exception {
    boolean[] found = {false};
    try (InputStream in = reader.getWorkbookData()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String q, Attributes a)
                throws SAXException {
              if (local.equals("workbookPr")) {
                String v = a.getValue("date1904");
                found[0] = "1".equals(v) || "true".equals(v);
                throw new Stop();
              }
              if (local.equals("sheets")) {
                throw new Stop();
              }
            }
          });
      try {
        parser.parse(new InputSource(in));
      } catch (Stop stop) {
        // workbookPr comes before the sheets, or not at all
      }
    }
    return found[0];
  }

  /** The sheet's XML: rows of cells, each with a type, a style, a value or an inline string. */
  private static final class SheetHandler extends DefaultHandler {
    private final List<String> strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Rows rows;

    private int rowNumber;
    private Map<Integer, Cell> cells;
    private int column;
    private String type;
    private String style;
    private boolean formula;
    private StringBuilder text;
    private boolean inValue;
    private boolean inInline;
    private int phonetic;

    SheetHandler(List<String> strings, StylesTable styles, boolean date1904, Rows rows) {
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String local, String q, Attributes a) {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
          cells = new TreeMap<>();
          column = -1;
        }
        case "c" -> {
          String r = a.getValue("r");
          column = r == null ? column + 1 : new CellReference(r).getCol();
          type = a.getValue("t");
          style = a.getValue("s");
          formula = false;
          text = new StringBuilder();
        }
        case "f" -> formula = true;
        case "v" -> inValue = true;
        case "is" -> inInline = true;
        case "rPh" -> phonetic++;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (text != null && (inValue || inInline && phonetic == 0)) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String q) throws SAXException {
      switch (local) {
        case "v" -> inValue = false;
        case "is" -> inInline = false;
        case "rPh" -> phonetic--;
        case "c" -> {
          Cell cell = formula ? new Cell(null, true) : new Cell(value(text.toString()), false);
          if (!cell.blank()) {
            cells.put(column, cell);
          }
          text = null;
        }
        case "row" -> {
          if (!rows.row(new RawRow(rowNumber, cells))) {
            throw new Stop();
          }
        }
        default -> {}
      }
    }

    private Object value(String raw) {
      if (type == null || type.equals("n")) {
        if (raw.isBlank()) {
          return null;
        }
        double number = Double.parseDouble(raw);
        if (isDateFormatted()) {
          return DateUtil.getLocalDateTime(number, date1904).toLocalDate();
        }
        // Double.toString's shortest form: 1234.5678 stays 1234.5678, never 1234.56779999
        return BigDecimal.valueOf(number).stripTrailingZeros();
      }
      return switch (type) {
        case "s" -> {
          int index = Integer.parseInt(raw.strip());
          if (index < 0 || index >= strings.size()) {
            throw new IllegalStateException("no shared string " + index);
          }
          yield strings.get(index);
        }
        case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
        default -> raw; // inlineStr, str, e (error text), d (ISO date text)
      };
    }

    private boolean isDateFormatted() {
      if (style == null || styles == null) {
        return false;
      }
      XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
      return cellStyle != null
          && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }
  }
}
