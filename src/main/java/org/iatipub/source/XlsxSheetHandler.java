package org.iatipub.source;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the cells of one .xlsx sheet part ({@code <sheetData>}: {@code <row>} of {@code <c>}
 * cells) and tells {@link Cells} each one's value, by its type: shared and inline strings, numbers
 * read through their cell style's number format (a date is a number formatted as a date), booleans,
 * and formulas by the value Excel last calculated and stored beside them.
 */
final class XlsxSheetHandler extends DefaultHandler {

  /** Where the cells go, row by row. */
  interface Cells {
    void startRow(long row) throws SAXException;

    /** A cell with text (blank text is no value). */
    void cell(int column, String text) throws SAXException;

    /** A cell citing the workbook's {@code index}th shared string. */
    void sharedString(int column, int index) throws SAXException;

    /** A cell whose value cannot be used: its row is rejected. */
    void badCell(int column, String rule, String message) throws SAXException;

    /** A cell whose stored value is not what its type says: the part is damaged, reading stops. */
    void damaged(int column, String message) throws SAXException;

    void endRow() throws SAXException;
  }

  private final Cells cells;
  private final CellValues.Shown[] styles;
  private final boolean date1904;
  private boolean inSheetData;
  private long row;
  private int column;
  private String type;
  private int style;
  private boolean formula;
  private boolean hasValue;
  private boolean inValue;
  private boolean inInline;
  private boolean inInlineText;
  private boolean inFormula;
  private int phonetic;
  private final CellText value = new CellText();
  private final CellText inline = new CellText();
  private final StringBuilder formulaText = new StringBuilder();

  /**
   * @param styles how each cell style (by its index, a cell's {@code s}) shows numbers
   * @param date1904 the workbook counts dates from 1904 (old Mac workbooks), not 1900
   */
  XlsxSheetHandler(Cells cells, CellValues.Shown[] styles, boolean date1904) {
    this.cells = cells;
    this.styles = styles;
    this.date1904 = date1904;
  }

  @Override
  public void startElement(String uri, String local, String qName, Attributes attributes) throws SAXException {
    if (local.equals("sheetData")) {
      inSheetData = true;
      return;
    }
    if (!inSheetData) {
      return;
    }
    switch (local) {
      case "row" -> {
        String r = attributes.getValue("r");
        row = r == null ? row + 1 : parseRow(r);
        column = 0;
        cells.startRow(row);
      }
      case "c" -> startCell(attributes);
      case "v" -> {
        inValue = true;
        hasValue = true;
      }
      case "f" -> {
        formula = true;
        inFormula = true;
      }
      case "is" -> inInline = true;
      case "rPh" -> phonetic++;
      case "t" -> inInlineText = inInline && phonetic == 0;
      default -> { }
    }
  }

  private void startCell(Attributes attributes) throws SAXException {
    String reference = attributes.getValue("r");
    column = reference == null ? column + 1 : parseColumn(reference);
    type = attributes.getValue("t");
    String s = attributes.getValue("s");
    try {
      style = s == null ? 0 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      cells.damaged(column, "the cell's style '" + SheetRows.clip(s) + "' is not a number");
    }
    formula = false;
    hasValue = false;
    value.clear();
    inline.clear();
    formulaText.setLength(0);
  }

  @Override
  public void endElement(String uri, String local, String qName) throws SAXException {
    if (local.equals("sheetData")) {
      inSheetData = false;
      return;
    }
    if (!inSheetData) {
      return;
    }
    switch (local) {
      case "row" -> cells.endRow();
      case "c" -> endCell();
      case "v" -> inValue = false;
      case "f" -> inFormula = false;
      case "is" -> inInline = false;
      case "rPh" -> phonetic--;
      case "t" -> inInlineText = false;
      default -> { }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inValue) {
      value.append(ch, start, length);
    } else if (inInlineText) {
      inline.append(ch, start, length);
    } else if (inFormula && formulaText.length() < 60) {
      formulaText.append(ch, start, Math.min(length, 60 - formulaText.length()));
    }
  }

  private void endCell() throws SAXException {
    String t = type == null ? "n" : type;
    if (t.equals("inlineStr")) {
      text(inline);
      return;
    }
    if (!hasValue || value.isEmpty() && !t.equals("str")) {
      if (formula) {
        cells.badCell(column, "workbook/formula-without-value", "the cell holds a formula (=" + SheetRows.clip(formulaText.toString())
            + ") whose value was never calculated and stored, as a program that writes workbooks without calculating"
            + " them leaves it; open the workbook in Excel or LibreOffice and save it, or type the value");
      }
      return; // a cell with a style and nothing else
    }
    switch (t) {
      case "s" -> {
        int index;
        try {
          index = Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
          cells.damaged(column, "the cell cites shared string '" + SheetRows.clip(value.toString()) + "', which is no number");
          return;
        }
        cells.sharedString(column, index);
      }
      case "str" -> text(value);
      case "b" -> {
        String b = value.toString().strip();
        if (!b.equals("0") && !b.equals("1")) {
          cells.damaged(column, "the cell is a true/false cell but holds '" + SheetRows.clip(b) + "'");
          return;
        }
        cells.cell(column, b.equals("1") ? "true" : "false");
      }
      case "e" -> cells.badCell(column, "workbook/error-value", "the cell shows the error " + SheetRows.clip(value.toString())
          + (formula ? " from its formula (=" + SheetRows.clip(formulaText.toString()) + ")" : "") + "; correct it");
      case "d" -> cells.cell(column, CellValues.isoDate(value.toString()));
      case "n" -> number();
      default -> cells.damaged(column, "the cell has the type '" + SheetRows.clip(t) + "', which no workbook has");
    }
  }

  private void number() throws SAXException {
    String stored = value.toString();
    CellValues.Shown shown = style >= 0 && style < styles.length ? styles[style] : CellValues.Shown.NUMBER;
    if (shown == CellValues.Shown.DATE || shown == CellValues.Shown.DATE_TIME || shown == CellValues.Shown.TIME) {
      String date = CellValues.date(stored, date1904, shown);
      if (date == null) {
        cells.badCell(column, "workbook/not-a-date", "the cell is formatted as a date but holds " + SheetRows.clip(stored)
            + ", which is no date a spreadsheet can show (it shows ####); type a date");
        return;
      }
      cells.cell(column, date);
      return;
    }
    String number = CellValues.number(stored, shown == CellValues.Shown.PERCENT);
    if (number == null) {
      cells.damaged(column, "the cell is a number cell but holds '" + SheetRows.clip(stored) + "'");
      return;
    }
    cells.cell(column, number);
  }

  private void text(CellText text) throws SAXException {
    if (text.tooLong()) {
      cells.badCell(column, "workbook/cell-too-long", "the cell holds " + text.length() + " characters, more than the "
          + SheetRows.MAX_CELL_CHARS + " a spreadsheet cell holds; shorten it");
      return;
    }
    cells.cell(column, CellValues.unescape(text.toString()));
  }

  /** The row of a row's {@code r}: a positive number. */
  private long parseRow(String r) throws SAXException {
    try {
      long number = Long.parseLong(r.strip());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    cells.damaged(0, "a row is numbered '" + SheetRows.clip(r) + "', which is no row number");
    return row + 1;
  }

  /** The column number of a cell reference's letters ({@code C14} is column 3). */
  private int parseColumn(String reference) throws SAXException {
    int number = 0;
    int i = 0;
    while (i < reference.length() && i < 4) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      number = number * 26 + (c - 'A' + 1);
      i++;
    }
    if (i == 0 || i == reference.length() || !Character.isDigit(reference.charAt(i))) {
      cells.damaged(column + 1, "a cell has the reference '" + SheetRows.clip(reference) + "', which is no cell reference");
    }
    return number;
  }
}
