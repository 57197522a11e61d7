package org.iatipub.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iatipub.finding.Finding;

/**
 * A CSV file read strictly: UTF-8 with or without a byte-order mark, the first row naming the
 * columns. A row that cannot be trusted (wrong number of cells) is reported, not kept; text that
 * cannot be parsed at all (bad bytes, broken quoting) stops the reading with a finding that says
 * where, since nothing after it can be trusted.
 *
 * @param file the file as shown in findings
 * @param header the column names, in order
 * @param rows the data rows that were read and kept
 * @param rowsRead every non-blank data row read, kept or reported
 * @param findings what was wrong, each naming file, row and column
 * @param complete false when the file could not be read to its end, so rows may be missing
 */
public record CsvTable(
    String file, List<String> header, List<SourceRow> rows, long rowsRead, List<Finding> findings, boolean complete) {

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    findings = List.copyOf(findings);
  }

  /** Rows read but reported instead of kept. */
  public long rowsRejected() {
    return rowsRead - rows.size();
  }

  /**
   * Reads {@code path}; {@code shown} is its name in findings (e.g. {@code samples/x/projects.csv}).
   * Holds every row in memory: for small files and tests; publishing streams with
   * {@link CsvFile#read}.
   *
   * @throws IOException when the file cannot be opened at all
   */
  public static CsvTable read(Path path, String shown, char delimiter) throws IOException {
    List<SourceRow> rows = new ArrayList<>();
    TableReading reading = new CsvFile(path, shown, delimiter).read(rows::add);
    return new CsvTable(shown, reading.header(), rows, reading.rowsRead(), reading.findings(), reading.complete());
  }

  /**
   * The column names of a file (its first row), for checking a configuration before any data is
   * read; empty when the file is empty or its first row is unreadable.
   */
  public static List<String> readHeader(Path path, char delimiter) throws IOException {
    return new CsvFile(path, path.toString(), delimiter).header();
  }


}
