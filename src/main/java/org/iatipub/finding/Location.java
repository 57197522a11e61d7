package org.iatipub.finding;

import java.util.regex.Pattern;

/**
 * Where a finding points: a position in an XML file (for auditors running {@code validate}) or a
 * cell in a source spreadsheet (for the data team running {@code publish}).
 */
public sealed interface Location permits Location.XmlPosition, Location.Cell, Location.WholeFile {

  /** The file the finding is about, as the user named it. */
  String file();

  /**
   * A line and column in an XML file; both 1-based, 0 when unknown. {@code xpath} names the element
   * there ({@code /iati-activities/iati-activity[2]/sector[1]}), empty when it is not known.
   */
  record XmlPosition(String file, long line, long column, String xpath) implements Location {
    public XmlPosition {
      xpath = xpath == null ? "" : xpath;
    }

    public XmlPosition(String file, long line, long column) {
      this(file, line, column, "");
    }

    /** The same position, with the XPath of the element there. */
    public XmlPosition withXpath(String xpath) {
      return new XmlPosition(file, line, column, xpath);
    }

    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  /**
   * A cell of a CSV file or of a workbook's sheet: the 1-based row number as a spreadsheet shows it
   * (a CSV file's header is row 1) and the column's header name; column is empty when the whole row
   * is meant. A CSV file's cell shows as {@code file:row:column}; a sheet's as a spreadsheet user
   * knows it, {@code portfolio.xlsx!transactions!C14} ({@link #inSheet}).
   *
   * @param sheet the sheet of the workbook {@code file}, or empty for a CSV file
   * @param columnNumber the column's number in the sheet (A is 1), or 0 when not known
   * @param value the cell's text as read, for reports that show it; empty when not known (or the
   *     cell is empty)
   */
  record Cell(String file, long row, String column, String sheet, int columnNumber, String value) implements Location {
    /** Sheet names Excel writes in a reference without quotes: anything else is quoted ('My sheet'!A1). */
    private static final Pattern PLAIN_SHEET = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.]*");
    /** Names that would read as a cell (AB12) or an R1C1 reference, so Excel quotes them too. */
    private static final Pattern LIKE_A_REFERENCE = Pattern.compile("(?i)[a-z]{1,3}[0-9]+|r[0-9]*c?[0-9]*|c[0-9]*");

    public Cell {
      column = column == null ? "" : column;
      sheet = sheet == null ? "" : sheet;
      value = value == null ? "" : value;
    }

    /** A cell of a CSV file. */
    public Cell(String file, long row, String column) {
      this(file, row, column, "", 0, "");
    }

    /** This cell in {@code sheet} of the workbook {@link #file}, in the column numbered {@code columnNumber} (A is 1). */
    public Cell inSheet(String sheet, int columnNumber) {
      return new Cell(file, row, column, sheet, columnNumber, value);
    }

    /** The same cell, numbered {@code row} now (rows added or removed above it moved it). */
    public Cell atRow(long row) {
      return new Cell(file, row, column, sheet, columnNumber, value);
    }

    /** The same cell, with the text it holds. */
    public Cell withValue(String value) {
      return new Cell(file, row, column, sheet, columnNumber, value);
    }

    /**
     * The cell as a spreadsheet's name box takes it: {@code C14}, or {@code 14:14} for the whole
     * row (or when the column's place is not known).
     */
    public String reference() {
      return columnNumber > 0 && !column.isEmpty() ? columnLetters(columnNumber) + row : row + ":" + row;
    }

    /** {@code file!sheet}, the sheet's name quoted as Excel quotes it where needed. */
    public static String sheetOf(String file, String sheet) {
      boolean plain = PLAIN_SHEET.matcher(sheet).matches() && !LIKE_A_REFERENCE.matcher(sheet).matches();
      return file + "!" + (plain ? sheet : "'" + sheet.replace("'", "''") + "'");
    }

    /** The letters of a column number: 1 is A, 27 is AA, 16384 is XFD. */
    public static String columnLetters(int number) {
      StringBuilder letters = new StringBuilder();
      for (int n = number; n > 0; n = (n - 1) / 26) {
        letters.append((char) ('A' + (n - 1) % 26));
      }
      return letters.reverse().toString();
    }

    @Override
    public String toString() {
      if (!sheet.isEmpty()) {
        return sheetOf(file, sheet) + "!" + reference();
      }
      return column.isEmpty() ? file + ":" + row : file + ":" + row + ":" + column;
    }
  }

  /** A problem with a file as a whole (unreadable, empty, missing), or with a whole sheet of a workbook. */
  record WholeFile(String file) implements Location {
    @Override
    public String toString() {
      return file;
    }
  }
}
