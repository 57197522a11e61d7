package org.iatipub.source;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A table of rows under a header row naming the columns: a CSV file, or one sheet of a workbook.
 * Both give the same rows, so everything after reading (the join, the mapping, the checks) works
 * the same on either.
 */
public sealed interface Table permits CsvFile, WorkbookSheet {

  /** The table as findings and tallies show it: {@code x/projects.csv}, or {@code x/book.xlsx!projects}. */
  String shown();

  /**
   * Reads the table, handing each good row to {@code rows} in row order; what is wrong is in the
   * reading's findings, each at its cell.
   *
   * @throws IOException when the table cannot be opened at all
   */
  TableReading read(Consumer<SourceRow> rows) throws IOException;
}
