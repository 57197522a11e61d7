package org.iatipub.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.xml.sax.SAXException;

/**
 * Turns the cells of one sheet, as a workbook reader finds them, into rows under the header row,
 * with the same care as a CSV file gets: both kinds of workbook feed it. The header is the first
 * row with anything in it; its named columns are the table's. Rows with nothing in them are skipped,
 * and so are empty cells outside the named columns (spreadsheets keep styled, empty cells far to the
 * right and below), so neither gives a finding. A cell that has a value but no named column, or whose
 * value cannot be read (an error, a formula never calculated, more text than a cell holds), rejects
 * its row with a finding at the cell: nothing is lost unsaid.
 */
final class SheetRows {
  /** The most rows and columns a spreadsheet has (Excel and LibreOffice alike): anything beyond is made up. */
  static final long MAX_ROWS = 1_048_576;
  static final int MAX_COLUMNS = 16_384;
  /** The most characters Excel lets a cell hold; cell text is never kept beyond it, so memory stays bounded. */
  static final int MAX_CELL_CHARS = 32_767;

  /** Reading stops here: the sheet cannot be trusted past this finding. */
  static final class Stop extends SAXException {
    final transient Finding finding;

    Stop(Finding finding) {
      super(finding.message());
      this.finding = finding;
    }
  }

  private final TableName table;
  private final Consumer<SourceRow> rows;
  private final List<Finding> findings = new ArrayList<>();
  private long read;
  private long kept;
  private long row;
  /** The header row's cells (column number to name) while it is read; null once it has been. */
  private Map<Integer, String> headerCells = new HashMap<>();
  private List<String> header = List.of();
  private long headerRow;
  private ColumnIndex columns;
  /** The position in {@code columns} of each column number; -1 for a column with no name. */
  private int[] positions;
  private String[] values;
  /** The current row's problems, by rule: the first cell's finding and the references of the others. */
  private Map<String, Problem> problems = new LinkedHashMap<>();
  private boolean anything;

  /** Rows of {@code table} go to {@code rows} as each is complete. */
  SheetRows(TableName table, Consumer<SourceRow> rows) {
    this.table = table;
    this.rows = rows;
  }

  /** True once the header row is read: a reader that wants only the header can stop then. */
  boolean headerRead() {
    return headerCells == null;
  }

  /** The column names (blank where a column has none), once the header row is read. */
  List<String> header() {
    return header;
  }

  /** A row starts: {@code number} as the spreadsheet shows it. */
  void startRow(long number) {
    row = number;
    anything = false;
    problems = new LinkedHashMap<>();
    values = columns == null ? null : new String[columns.names().size()];
  }

  /** A cell of the current row; {@code column} is 1-based (A is 1). Blank text is no value. */
  void cell(int column, String text) throws Stop {
    if (text.isBlank()) {
      return;
    }
    within(column);
    anything = true;
    if (headerCells != null) {
      headerCells.put(column, text.strip());
      return;
    }
    int position = column < positions.length ? positions[column] : -1;
    if (position < 0) {
      problem(SourceRule.WORKBOOK_UNNAMED_COLUMN.at(at(column, ""), "this cell holds '" + clip(text)
          + "' but its column has no name in the header row (row " + headerRow + "), so the value would be lost;"
          + " name the column or clear the cell"));
    } else {
      values[position] = text;
    }
  }

  /** A cell of the current row whose value cannot be read: its row is rejected with this finding. */
  void badCell(int column, SourceRule rule, String message) throws Stop {
    within(column);
    anything = true;
    String name = headerCells == null && column < positions.length && positions[column] >= 0
        ? columns.names().get(positions[column]) : "";
    Finding finding = rule.at(at(column, name), message);
    if (headerCells != null) {
      throw new Stop(finding); // a header that cannot be read names no columns
    }
    problem(finding);
  }

  /**
   * The first cell of a row with a problem gets the finding; the others with the same problem are
   * named in it, so that a row of ten thousand repeated bad cells makes one finding, not ten thousand.
   */
  private void problem(Finding finding) {
    Problem same = problems.get(finding.rule());
    if (same == null) {
      problems.put(finding.rule(), new Problem(finding, new ArrayList<>(), new long[1]));
    } else {
      if (same.others().size() < SHOWN_OTHERS) {
        same.others().add(((Location.Cell) finding.location()).reference());
      }
      same.count()[0]++;
    }
  }

  /** Cells named in a finding about the same problem in other cells of its row; beyond, they are counted. */
  private static final int SHOWN_OTHERS = 5;

  private record Problem(Finding first, List<String> others, long[] count) {
    Finding finding() {
      String also = "";
      if (count[0] > 0) {
        also = " (so do " + count[0] + " more cells of this row: " + String.join(", ", others)
            + (count[0] > others.size() ? ", …" : "") + ")";
      }
      return Finding.error(first.rule(), first.location(), first.message() + also + ". The row is not published");
    }
  }

  /** The current row ends: a data row is handed on, or rejected with its problems. */
  void endRow() throws Stop {
    if (!anything) {
      return; // a row with nothing in it is no data row
    }
    if (headerCells != null) {
      takeHeader();
      return;
    }
    read++;
    if (!problems.isEmpty()) {
      problems.values().forEach(problem -> findings.add(problem.finding()));
      return;
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = "";
      }
    }
    kept++;
    rows.accept(new SourceRow(table, row, new RowCells(columns, values)));
    values = null;
  }

  private void takeHeader() throws Stop {
    int width = headerCells.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> names = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    List<String> all = new ArrayList<>();
    positions = new int[width + 1];
    java.util.Arrays.fill(positions, -1);
    Map<String, Integer> seen = new HashMap<>();
    for (int column = 1; column <= width; column++) {
      String name = headerCells.getOrDefault(column, "");
      all.add(name);
      if (name.isEmpty()) {
        continue;
      }
      Integer first = seen.putIfAbsent(name, column);
      if (first != null) {
        throw new Stop(SourceRule.WORKBOOK_DUPLICATE_COLUMN.at(at(column, name), "the header row names column '" + name
            + "' twice (also in " + Location.Cell.columnLetters(first) + row + "); each column needs its own name"));
      }
      positions[column] = names.size();
      names.add(name);
      numbers.add(column);
    }
    header = List.copyOf(all);
    headerRow = row;
    columns = new ColumnIndex(names, numbers);
    headerCells = null;
  }

  /** The stop of reading at a cell of the current row whose stored value cannot be trusted. */
  Stop stop(int column, SourceRule rule, String message) {
    return new Stop(rule.at(at(Math.max(column, 1), ""), message));
  }

  private void within(int column) throws Stop {
    if (row > MAX_ROWS || column > MAX_COLUMNS || column < 1 || row < 1) {
      throw new Stop(SourceRule.WORKBOOK_BEYOND_SHEET.at(new Location.WholeFile(table.shown()), "a cell with a value at row "
          + row + ", column " + column + " lies outside any spreadsheet (at most " + MAX_ROWS + " rows and " + MAX_COLUMNS
          + " columns), so the workbook was not written by a spreadsheet program; nothing after it was read"));
    }
  }

  private Location.Cell at(int column, String name) {
    return table.cell(row, name.isEmpty() ? Location.Cell.columnLetters(column) : name, column);
  }

  /** What reading found: {@code complete} false when reading stopped early (with {@code stop}, if any). */
  TableReading finish(boolean complete, Finding stop) {
    List<Finding> all = new ArrayList<>(findings);
    if (stop != null) {
      all.add(stop);
    }
    if (complete && headerCells != null) {
      all.add(SourceRule.WORKBOOK_EMPTY_SHEET.at(new Location.WholeFile(table.shown()),
          "the sheet is empty: it needs a header row naming its columns"));
      complete = false;
    }
    return new TableReading(table.shown(), header.stream().filter(n -> !n.isEmpty()).toList(), read, kept, all, complete,
        header);
  }

  /** A value as a finding quotes it: long ones cut short. */
  static String clip(String text) {
    String line = text.strip().replace('\n', ' ');
    return line.length() <= 40 ? line : line.substring(0, 37) + "…";
  }
}
