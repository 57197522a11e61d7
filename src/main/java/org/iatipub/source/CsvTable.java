package org.iatipub.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;

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
  private static final String BYTE_ORDER_MARK = "\uFEFF";

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
   * A file's header row, read on its own to check a configuration before any data is read.
   *
   * @param names the column names; where a name holds bytes that are not UTF-8 they stand as
   *     U+FFFD, so the other names can still be told (empty when the file is empty, or its first row
   *     cannot be parsed at all)
   * @param problem why the header row cannot be read as it must be (bytes that are not UTF-8, broken
   *     quoting), at its row and column, as reading the file reports it; null when it can
   */
  public record Header(List<String> names, Finding problem) {
    public Header {
      names = List.copyOf(names);
    }

    public boolean contains(String name) {
      return names.contains(name);
    }
  }

  /**
   * The header row of {@code path} ({@code shown} in findings). Bad bytes or quoting after the
   * header row are not its problem: reading the file reports them where they are.
   *
   * @throws IOException when the file cannot be opened at all
   */
  public static Header readHeader(Path path, String shown, char delimiter) throws IOException {
    List<String> header;
    Finding problem = null;
    try {
      header = firstRow(path, delimiter, CodingErrorAction.REPORT);
    } catch (UncheckedIOException | StrictUtf8Reader.NotUtf8Exception e) {
      // Found as reading the whole file finds it: the same finding, at the same cell. Reading
      // stops there, in the header row.
      problem = new CsvFile(path, shown, delimiter).read(row -> { }).findings().stream()
          .filter(f -> f.location() instanceof Location.Cell cell && cell.row() == 1).findFirst().orElse(null);
      try {
        header = firstRow(path, delimiter, CodingErrorAction.REPLACE);
      } catch (UncheckedIOException unparsable) {
        header = List.of();
      }
    }
    return new Header(header, problem);
  }

  private static List<String> firstRow(Path path, char delimiter, CodingErrorAction badBytes) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(badBytes)
        .onUnmappableCharacter(badBytes);
    try (InputStream in = Files.newInputStream(path);
        CSVParser parser = CSVParser.parse(badBytes == CodingErrorAction.REPORT ? new StrictUtf8Reader(in)
            : new InputStreamReader(in, decoder), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      List<String> header = new ArrayList<>();
      if (records.hasNext()) {
        records.next().forEach(name -> header.add(name.strip()));
      }
      if (!header.isEmpty() && header.get(0).startsWith(BYTE_ORDER_MARK)) {
        header.set(0, header.get(0).substring(1).strip()); // the strict reader drops it itself
      }
      return header;
    }
  }
}
