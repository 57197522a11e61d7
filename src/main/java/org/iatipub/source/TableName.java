package org.iatipub.source;

import org.iatipub.finding.Location;

/**
 * Which table rows come from, as findings name it: a CSV file, or a sheet of a workbook.
 *
 * @param file the file as the user should see it in findings (a CSV file, or the workbook)
 * @param sheet the sheet of the workbook, or empty for a CSV file
 */
public record TableName(String file, String sheet) {
  public TableName {
    sheet = sheet == null ? "" : sheet;
  }

  /** A CSV file. */
  public static TableName csv(String file) {
    return new TableName(file, "");
  }

  /** The table as reports and tallies show it: {@code x/projects.csv}, or {@code x/book.xlsx!projects}. */
  public String shown() {
    return sheet.isEmpty() ? file : Location.Cell.sheetOf(file, sheet);
  }

  /** The cell of {@code row} under {@code column}, the table's {@code number}th column (1-based; 0: not known). */
  public Location.Cell cell(long row, String column, int number) {
    Location.Cell cell = new Location.Cell(file, row, column);
    return sheet.isEmpty() ? cell : cell.inSheet(sheet, number);
  }

  @Override
  public String toString() {
    return shown();
  }
}
