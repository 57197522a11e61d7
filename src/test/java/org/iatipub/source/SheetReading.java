package org.iatipub.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;

/**
 * One sheet of a workbook read as publish reads it, for tests: each kept row as its number and
 * cells, the findings as printed, and whether the sheet was read to its end.
 */
record SheetReading(List<String> rows, List<String> findings, boolean complete, long rowsRead) {

  static SheetReading of(Path file, String shown, String sheet) throws IOException {
    List<String> rows = new ArrayList<>();
    try (Workbook workbook = Workbook.open(file, shown)) {
      TableReading reading = workbook.sheet(sheet).read(row -> rows.add(row.row() + " " + new LinkedHashMap<>(row.cells())));
      return new SheetReading(rows, reading.findings().stream().map(Finding::toString).toList(), reading.complete(),
          reading.rowsRead());
    }
  }

  /** The rows as {@code number {column=value, …}}, for comparing with expected ones. */
  static String row(long number, Map<String, String> cells) {
    return number + " " + cells;
  }
}
