package org.iatipub.source;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iatipub.finding.Location;

/**
 * One data row of a CSV file, with the cells under their header names.
 *
 * @param file the file as the user should see it in findings
 * @param row the row number a spreadsheet shows (the header is row 1)
 * @param cells header name to cell text, in column order
 */
public record SourceRow(String file, long row, Map<String, String> cells) {
  public SourceRow {
    // Rows read from a file already share an immutable column index; only other maps are copied.
    cells = cells instanceof RowCells ? cells : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }

  /** The cell under {@code column}, trimmed; empty when the column is absent or blank. */
  public String get(String column) {
    String value = cells.get(column);
    return value == null ? "" : value.strip();
  }

  public boolean has(String column) {
    return !get(column).isEmpty();
  }

  /** Where the cell under {@code column} is, for findings. */
  public Location.Cell cell(String column) {
    return new Location.Cell(file, row, column);
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
    return new Location.Cell(file, row, "");
  }
}
