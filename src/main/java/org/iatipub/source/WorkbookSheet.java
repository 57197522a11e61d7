package org.iatipub.source;

import java.io.IOException;
import java.util.function.Consumer;
import org.iatipub.finding.Location;

/**
 * A sheet of an open workbook, as a table.
 *
 * @param workbook the workbook, open until the sheet has been read
 * @param name the sheet's name
 */
record WorkbookSheet(Workbook workbook, String name) implements Table {
  @Override
  public String shown() {
    return Location.Cell.sheetOf(workbook.shown(), name);
  }

  @Override
  public TableReading read(Consumer<SourceRow> rows) throws IOException {
    return workbook.read(name, rows);
  }
}
