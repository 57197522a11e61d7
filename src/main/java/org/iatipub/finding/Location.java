package org.iatipub.finding;

/**
 * Where a finding points: a position in an XML file (for auditors running {@code validate}) or a
 * cell in a source spreadsheet (for the data team running {@code publish}).
 */
public sealed interface Location permits Location.XmlPosition, Location.Cell, Location.WholeFile {

  /** The file the finding is about, as the user named it. */
  String file();

  /** A line and column in an XML file; both 1-based, 0 when unknown. */
  record XmlPosition(String file, long line, long column) implements Location {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  /**
   * A cell of a CSV file: the 1-based record number as a spreadsheet shows it (the header is row
   * 1) and the column's header name; column is empty when the whole row is meant.
   */
  record Cell(String file, long row, String column) implements Location {
    public Cell {
      column = column == null ? "" : column;
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
