package org.iatipub.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;

/**
 * A CSV file, read strictly: UTF-8 with or without a byte-order mark, the first row naming the
 * columns. Rows are handed on one by one as they are read, so a file of any size is read in
 * constant memory. A row that cannot be trusted (wrong number of cells) is reported, not handed
 * on; text that cannot be parsed at all (bad bytes, broken quoting) stops the reading with a finding
 * that says where, since nothing after it can be trusted.
 *
 * @param path where the file is
 * @param shown the file as findings show it (e.g. {@code samples/x/projects.csv})
 * @param delimiter the cell delimiter
 */
public record CsvFile(Path path, String shown, char delimiter) implements Table {

  /**
   * Reads the file, handing each good row to {@code rows} in file order.
   *
   * @throws IOException when the file cannot be opened at all
   */
  @Override
  public TableReading read(Consumer<SourceRow> rows) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(false)
        .get();
    TableName table = TableName.csv(shown);
    List<String> header = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    long read = 0;
    long kept = 0;
    long lastKeptRow = 1;
    boolean complete = true;
    try (InputStream in = Files.newInputStream(path);
        CSVParser parser = CSVParser.parse(new StrictUtf8Reader(in), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      try {
        if (!records.hasNext()) {
          findings.add(SourceRule.CSV_EMPTY_FILE.at(new Location.WholeFile(shown),
              "the file is empty: it needs a header row naming its columns"));
          return new TableReading(shown, header, 0, 0, findings, false);
        }
        for (String name : records.next()) {
          header.add(name.strip());
        }
        if (!headerUsable(shown, header, findings)) {
          return new TableReading(shown, header, 0, 0, findings, false);
        }
        ColumnIndex columns = new ColumnIndex(header);
        while (records.hasNext()) {
          CSVRecord record = records.next();
          // Records count from 1 with the header; a quoted cell spanning lines is still one row.
          long row = record.getRecordNumber();
          if (record.size() == 1 && record.get(0).isBlank()) {
            continue; // a blank line is no data row
          }
          read++;
          if (record.size() != header.size()) {
            findings.add(ragged(shown, row, record.size(), header));
            continue;
          }
          kept++;
          lastKeptRow = row;
          rows.accept(new SourceRow(table, row, new RowCells(columns, record.values())));
        }
      } catch (UncheckedIOException e) {
        complete = false;
        findings.add(unreadable(path, shown, delimiter, e.getCause(), lastKeptRow));
      }
    } catch (StrictUtf8Reader.NotUtf8Exception e) {
      // The parser reads ahead when it is created, so bad bytes near the start surface here.
      complete = false;
      findings.add(unreadable(path, shown, delimiter, e, 1));
    }
    return new TableReading(shown, header, read, kept, findings, complete);
  }

  private static boolean headerUsable(String shown, List<String> header, List<Finding> findings) {
    Set<String> seen = new HashSet<>();
    boolean usable = true;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty() && header.size() > 1) {
        findings.add(SourceRule.CSV_BLANK_COLUMN_NAME.at(new Location.Cell(shown, 1, "column " + (i + 1)),
            "column " + (i + 1) + " has no name in the header row; name it or delete the column"));
        usable = false;
      } else if (!seen.add(name)) {
        findings.add(SourceRule.CSV_DUPLICATE_COLUMN.at(new Location.Cell(shown, 1, name),
            "the header names column '" + name + "' twice; each column needs its own name"));
        usable = false;
      }
    }
    return usable;
  }

  private static Finding ragged(String shown, long row, int cells, List<String> header) {
    String column = cells < header.size() ? header.get(cells) : "column " + (header.size() + 1);
    String what = cells < header.size()
        ? "the row has " + cells + " cells but the header names " + header.size() + " columns; '" + column + "' and after are missing"
        : "the row has " + cells + " cells but the header names only " + header.size() + " columns";
    return SourceRule.CSV_RAGGED_ROW.at(new Location.Cell(shown, row, column),
        what + " (a missing or extra delimiter, or an unquoted delimiter inside a cell); the row is not published");
  }

  /** Why a file could not be read to its end, where it stopped: found by reading its text again up to there. */
  private static Finding unreadable(Path path, String shown, char delimiter, Throwable cause, long lastGoodRow)
      throws IOException {
    if (cause instanceof StrictUtf8Reader.NotUtf8Exception bad) {
      CsvCursor cursor = CsvCursor.scan(path, delimiter, bad.byteOffset);
      return SourceRule.CSV_NOT_UTF8.at(cell(shown, cursor.here(), cursor),
          "this cell holds bytes that are not UTF-8 text (byte offset " + bad.byteOffset + "); save the file as UTF-8."
              + " Reading stopped here: this row and the rows after it were not read");
    }
    CsvCursor cursor = CsvCursor.scan(path, delimiter, -1);
    CsvCursor.Position quoting = cursor.quotingProblem(true);
    if (quoting != null) {
      return SourceRule.CSV_QUOTING.at(cell(shown, quoting, cursor),
          quoting.problem() + ". Reading stopped here: this row and the rows after it were not read");
    }
    String detail = cause == null || cause.getMessage() == null ? "unreadable CSV text" : cause.getMessage();
    return SourceRule.CSV_UNREADABLE.at(new Location.Cell(shown, lastGoodRow + 1, ""),
        detail + ". Reading stopped here: this row and the rows after it were not read");
  }

  private static Location.Cell cell(String shown, CsvCursor.Position position, CsvCursor cursor) {
    String name = position.record() > 1 ? cursor.columnName(position.field()) : null;
    String column = name != null && !name.isEmpty() ? name : "column " + (position.field() + 1);
    return new Location.Cell(shown, position.record(), column);
  }
}
