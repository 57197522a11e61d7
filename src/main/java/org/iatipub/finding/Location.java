package org.iatipub.finding;

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
   * A cell of a CSV file: the 1-based record number as a spreadsheet shows it (the header is row
   * 1) and the column's header name; column is empty when the whole row is meant. {@code value} is
   * the cell's text as read, for reports that show it; empty when not known (or the cell is).
   */
  record Cell(String file, long row, String column, String value) implements Location {
    public Cell {
      column = column == null ? "" : column;
      value = value == null ? "" : value;
    }

    public Cell(String file, long row, String column) {
      this(file, row, column, "");
    }

    /** The same cell, with the text it holds. */
    public Cell withValue(String value) {
      return new Cell(file, row, column, value);
    }

    @Override
    public String toString() {
      return column.isEmpty() ? file + ":" + row : file + ":" + row + ":" + column;
    }
  }

  /** A problem with a file as a whole (unreadable, empty, missing). */
  record WholeFile(String file) implements Location {
    @Override
    public String toString() {
      return file;
    }
  }
}
