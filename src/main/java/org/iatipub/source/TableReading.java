package org.iatipub.source;

import java.util.List;
import org.iatipub.finding.Finding;

/**
 * What reading a table found. Rows are handed on one by one as they are read, so a table of any
 * size is read in constant memory; a row that cannot be trusted is reported, not handed on; a
 * table that cannot be read to its end is marked incomplete, since rows may be missing.
 *
 * @param file the table as shown in findings ({@code x/projects.csv}, {@code x/book.xlsx!projects})
 * @param header the column names, in order
 * @param rowsRead every non-blank data row read, handed on or reported
 * @param rowsKept the rows handed on
 * @param findings what was wrong, each naming file, row and column (or sheet and cell)
 * @param complete false when the table could not be read to its end, so rows may be missing
 * @param headerRow the header row's cells in column order, blank where a column has no name: a
 *     sheet's unnamed columns are not in {@code header}, yet they number the columns after them,
 *     and findings name a sheet's cells by number
 */
public record TableReading(String file, List<String> header, long rowsRead, long rowsKept, List<Finding> findings,
    boolean complete, List<String> headerRow) {

  public TableReading {
    header = List.copyOf(header);
    findings = List.copyOf(findings);
    headerRow = List.copyOf(headerRow);
  }

  /** A reading whose header row names every column (a CSV file's). */
  public TableReading(String file, List<String> header, long rowsRead, long rowsKept, List<Finding> findings,
      boolean complete) {
    this(file, header, rowsRead, rowsKept, findings, complete, header);
  }

  /** Rows read but reported instead of handed on. */
  public long rowsRejected() {
    return rowsRead - rowsKept;
  }
}
