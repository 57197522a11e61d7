package org.iatipub.source;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iatipub.finding.Location;

/**
 * One data row of a table (a CSV file or a sheet of a workbook), with the cells under their header
 * names.
 *
 * @param table the table the row is in, as the user should see it in findings
 * @param row the row number a spreadsheet shows (a CSV file's header is row 1)
 * @param cells header name to cell text, in column order
 */
public record SourceRow(TableName table, long row, Map<String, String> cells) {
  public SourceRow {
    // Rows read from a table already share an immutable column index; only other maps are copied.
    cells = cells instanceof RowCells ? cells : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }

  /** A row of the CSV file {@code file}. */
  public SourceRow(String file, long row, Map<String, String> cells) {
    this(TableName.csv(file), row, cells);
  }

  /** The table as findings and tallies show it: {@code x/projects.csv}, or {@code x/book.xlsx!projects}. */
  public String file() {
    return table.shown();
  }

  /** The cell under {@code column}, trimmed; empty when the column is absent or blank. */
  public String get(String column) {
    String value = cells.get(column);
    return value == null ? "" : value.strip();
  }

  public boolean has(String column) {
    return !get(column).isEmpty();
  }

  /** Where the cell under {@code column} is, with its text as read, for findings. */
  public Location.Cell cell(String column) {
    return table.cell(row, column, columnNumber(column)).withValue(cells.get(column));
  }

  /** Where the cell under {@code column} is in another row of the same table, e.g. the first of two with one id. */
  public Location.Cell cell(String column, long otherRow) {
    return table.cell(otherRow, column, columnNumber(column));
  }

  /**
   * The row's cells in column order as bytes, for fingerprints of what rows say: for each cell, its
   * UTF-8 length (4 bytes, high byte first), then its UTF-8 bytes. A staged row has them already.
   */
  public ByteBuffer cellBytes() {
    if (cells instanceof RowCells row) {
      return row.encoded();
    }
    return ByteBuffer.wrap(RowCells.encode(cells.values().toArray(String[]::new))).asReadOnlyBuffer();
  }

  /** The whole row, for findings about it rather than one cell. */
  public Location.Cell whole() {
    return table.cell(row, "", 0);
  }

  private int columnNumber(String column) {
    if (cells instanceof RowCells rowCells) {
      return rowCells.columns().number(column);
    }
    int number = 1;
    for (String name : cells.keySet()) {
      if (name.equals(column)) {
        return number;
      }
      number++;
    }
    return 0;
  }
}
