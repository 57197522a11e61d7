package org.iatipub.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams an OpenDocument spreadsheet's {@code content.xml}: its tables ({@code table:table}, one
 * per sheet), their rows and cells, each cell's value by its {@code office:value-type}. Rows and
 * cells repeated by {@code table:number-rows-repeated} and {@code table:number-columns-repeated}
 * are never written out one by one when empty, as LibreOffice writes the million empty rows below
 * the data as one element: they only move the row and column count on.
 */
final class OdsContentHandler extends DefaultHandler {
  static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
  static final String CALC_EXTENSION = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

  /** Where each table's cells go. */
  interface Tables {
    /** A table starts: its rows' sink, or null to skip it. */
    SheetRows start(String name, boolean hidden) throws SAXException;

    /** The table read with {@code rows} ended. */
    void end(String name, SheetRows rows) throws SAXException;
  }

  /** Thrown to stop reading once the table wanted was read. */
  static final class Done extends SAXException {}

  /** A cell's value, repeated over {@code count} columns from {@code column}: text, or a problem. */
  private record Run(int column, int count, String text, String rule, String problem) {}

  private final Tables tables;
  private final boolean headersOnly;
  /** When only headers are wanted: the current table's header row cannot be read. */
  private boolean headerUnreadable;
  /** The table styles that hide their table (style:table-properties table:display="false"). */
  private final Set<String> hiddenStyles = new HashSet<>();
  private String style;
  private int tableDepth;
  private String tableName;
  private SheetRows rows;
  private long nextRow;
  private long rowsRepeated;
  private boolean inRow;
  private final List<Run> runs = new ArrayList<>();
  private int column;
  // The cell being read:
  private boolean inCell;
  private int columnsRepeated;
  private String valueType;
  private String value;
  private String formula;
  private boolean errorValue;
  private final CellText text = new CellText();
  private int paragraphs;
  private int paragraphDepth;
  private int annotationDepth;

  OdsContentHandler(Tables tables, boolean headersOnly) {
    this.tables = tables;
    this.headersOnly = headersOnly;
  }

  @Override
  public void startElement(String uri, String local, String qName, Attributes attributes) throws SAXException {
    if (uri.equals(STYLE) && local.equals("style")) {
      style = "table".equals(attributes.getValue(STYLE, "family")) ? attributes.getValue(STYLE, "name") : null;
    } else if (uri.equals(STYLE) && local.equals("table-properties") && style != null
        && "false".equals(attributes.getValue(TABLE, "display"))) {
      hiddenStyles.add(style);
    } else if (uri.equals(TABLE) && local.equals("table")) {
      if (++tableDepth == 1) {
        tableName = String.valueOf(attributes.getValue(TABLE, "name"));
        rows = tables.start(tableName, hiddenStyles.contains(attributes.getValue(TABLE, "style-name")));
        nextRow = 1;
        headerUnreadable = false;
      }
    } else if (tableDepth != 1 || rows == null || surveyed()) {
      if (inCell) {
        cellContent(uri, local, attributes);
      }
    } else if (uri.equals(TABLE) && local.equals("table-row")) {
      inRow = true;
      rowsRepeated = repeat(attributes.getValue(TABLE, "number-rows-repeated"), 2 * SheetRows.MAX_ROWS);
      runs.clear();
      column = 1;
    } else if (inRow && uri.equals(TABLE) && (local.equals("table-cell") || local.equals("covered-table-cell"))) {
      startCell(attributes);
    } else if (inCell) {
      cellContent(uri, local, attributes);
    }
  }

  private void startCell(Attributes attributes) {
    inCell = true;
    columnsRepeated = (int) repeat(attributes.getValue(TABLE, "number-columns-repeated"), SheetRows.MAX_COLUMNS + 1L);
    valueType = attributes.getValue(OFFICE, "value-type");
    formula = attributes.getValue(TABLE, "formula");
    errorValue = "error".equals(attributes.getValue(CALC_EXTENSION, "value-type"));
    value = switch (valueType == null ? "" : valueType) {
      case "float", "percentage", "currency" -> attributes.getValue(OFFICE, "value");
      case "date" -> attributes.getValue(OFFICE, "date-value");
      case "time" -> attributes.getValue(OFFICE, "time-value");
      case "boolean" -> attributes.getValue(OFFICE, "boolean-value");
      case "string" -> attributes.getValue(OFFICE, "string-value");
      default -> null;
    };
    text.clear();
    paragraphs = 0;
    paragraphDepth = 0;
    annotationDepth = 0;
  }

  /** What is inside a cell: paragraphs of text with spaces, tabs and line breaks as elements; comments left out. */
  private void cellContent(String uri, String local, Attributes attributes) {
    if (uri.equals(OFFICE) && local.equals("annotation")) {
      annotationDepth++;
    } else if (annotationDepth > 0) {
      return;
    } else if (uri.equals(TEXT) && (local.equals("p") || local.equals("h"))) {
      if (paragraphDepth++ == 0 && paragraphs++ > 0) {
        text.append('\n');
      }
    } else if (paragraphDepth > 0 && uri.equals(TEXT)) {
      switch (local) {
        case "s" -> {
          long spaces = repeat(attributes.getValue(TEXT, "c"), SheetRows.MAX_CELL_CHARS + 1L);
          for (long i = 0; i < spaces; i++) {
            text.append(' ');
          }
        }
        case "tab" -> text.append('\t');
        case "line-break" -> text.append('\n');
        default -> { }
      }
    }
  }

  @Override
  public void endElement(String uri, String local, String qName) throws SAXException {
    if (uri.equals(STYLE) && local.equals("style")) {
      style = null;
    } else if (uri.equals(TABLE) && local.equals("table")) {
      if (tableDepth-- == 1 && rows != null) {
        SheetRows ended = rows;
        rows = null;
        tables.end(tableName, ended);
      }
    } else if (tableDepth != 1 || rows == null || surveyed()) {
      if (inCell && uri.equals(OFFICE) && local.equals("annotation")) {
        annotationDepth--;
      } else if (inCell && uri.equals(TEXT) && (local.equals("p") || local.equals("h"))) {
        paragraphDepth--;
      }
    } else if (uri.equals(TABLE) && local.equals("table-row")) {
      endRow();
    } else if (inCell && uri.equals(TABLE) && (local.equals("table-cell") || local.equals("covered-table-cell"))) {
      endCell();
    } else if (inCell && uri.equals(OFFICE) && local.equals("annotation")) {
      annotationDepth--;
    } else if (inCell && uri.equals(TEXT) && (local.equals("p") || local.equals("h"))) {
      paragraphDepth--;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inCell && paragraphDepth > 0 && annotationDepth == 0) {
      text.append(ch, start, length);
    }
  }

  private void endCell() {
    inCell = false;
    Run run = run();
    if (run != null && column <= SheetRows.MAX_COLUMNS) {
      runs.add(run);
    }
    column = (int) Math.min(column + (long) columnsRepeated, SheetRows.MAX_COLUMNS + 1L);
  }

  /** The cell's value over its repeated columns, or null when it has none. */
  private Run run() {
    if (errorValue) {
      return problem("workbook/error-value", "the cell shows the error " + SheetRows.clip(text.toString())
          + (formula == null ? "" : " from its formula (" + SheetRows.clip(formula) + ")") + "; correct it");
    }
    if (valueType == null || valueType.isEmpty()) {
      if (formula != null) {
        return problem("workbook/formula-without-value", "the cell holds a formula (" + SheetRows.clip(formula)
            + ") whose value was never calculated and stored, as a program that writes workbooks without calculating"
            + " them leaves it; open the workbook in LibreOffice or Excel and save it, or type the value");
      }
      return text.isEmpty() ? null : textRun();
    }
    switch (valueType) {
      case "string" -> {
        return value != null ? new Run(column, columnsRepeated, value, null, null) : textRun();
      }
      case "float", "currency", "percentage" -> {
        String number = value == null ? null : CellValues.number(value, valueType.equals("percentage"));
        return number != null ? new Run(column, columnsRepeated, number, null, null)
            : problem("workbook/damaged", "the cell is a number cell but holds '" + SheetRows.clip(String.valueOf(value)) + "'");
      }
      case "date" -> {
        return value != null ? new Run(column, columnsRepeated, CellValues.isoDate(value), null, null)
            : problem("workbook/damaged", "the cell is a date cell but holds no date");
      }
      case "time" -> {
        String time = value == null ? null : CellValues.isoTime(value);
        return time != null ? new Run(column, columnsRepeated, time, null, null)
            : problem("workbook/damaged", "the cell is a time cell but holds '" + SheetRows.clip(String.valueOf(value)) + "'");
      }
      case "boolean" -> {
        String b = value == null ? "" : value.strip();
        boolean yes = b.equals("true") || b.equals("1");
        return yes || b.equals("false") || b.equals("0") ? new Run(column, columnsRepeated, yes ? "true" : "false", null, null)
            : problem("workbook/damaged", "the cell is a true/false cell but holds '" + SheetRows.clip(b) + "'");
      }
      default -> {
        return problem("workbook/damaged", "the cell has the value type '" + SheetRows.clip(valueType) + "', which no workbook has");
      }
    }
  }

  private Run textRun() {
    if (text.tooLong()) {
      return problem("workbook/cell-too-long", "the cell holds " + text.length() + " characters, more than the "
          + SheetRows.MAX_CELL_CHARS + " a spreadsheet cell holds; shorten it");
    }
    return new Run(column, columnsRepeated, text.toString(), null, null);
  }

  private Run problem(String rule, String message) {
    return new Run(column, columnsRepeated, null, rule, message);
  }

  /** Only the header is wanted, and it is read (or cannot be: reading the sheet will say why). */
  private boolean surveyed() {
    return headersOnly && (rows.headerRead() || headerUnreadable);
  }

  /** A row ends: its cells go to the sheet as many times as the row is repeated; an empty row only counts. */
  private void endRow() throws SAXException {
    inRow = false;
    if (headersOnly) {
      try {
        replay();
      } catch (SheetRows.Stop stop) {
        headerUnreadable = true;
      }
      return;
    }
    replay();
  }

  private void replay() throws SAXException {
    if (runs.isEmpty()) {
      nextRow += rowsRepeated;
      return;
    }
    for (long i = 0; i < rowsRepeated && !surveyed(); i++) {
      rows.startRow(nextRow + i);
      for (Run run : runs) {
        for (int c = run.column(); c < run.column() + run.count(); c++) {
          if (run.problem() == null) {
            rows.cell(c, run.text());
          } else if (run.rule().equals("workbook/damaged")) {
            throw rows.stop(c, run.rule(), run.problem() + "; the workbook is damaged, and nothing after this cell was read");
          } else {
            rows.badCell(c, run.rule(), run.problem());
          }
        }
      }
      rows.endRow();
    }
    nextRow += rowsRepeated;
  }

  /** A repeat count: at least 1, at most {@code max} (a count past any sheet's size need not be followed further). */
  private static long repeat(String count, long max) {
    if (count == null) {
      return 1;
    }
    try {
      return Math.max(1, Math.min(Long.parseLong(count.strip()), max));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
