package org.iatipub.flatten;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Sheets as one workbook ({@code .xlsx}), written row by row with POI's streaming writer: only a
 * window of rows is in memory, the rest go to POI's temporary files until the workbook is saved.
 * Every cell is text, so a code such as {@code 01} or an amount such as {@code 10.50} stays as
 * the XML wrote it. A sheet bigger than a workbook allows is a {@link TooBig}: CSV has no limits.
 */
final class XlsxSheets implements SheetSink {
  private static final SpreadsheetVersion LIMITS = SpreadsheetVersion.EXCEL2007;
  /** Rows kept in memory per sheet before POI writes them out. */
  private static final int WINDOW = 200;

  /** A sheet past a workbook's limits (rows, columns, characters in a cell). */
  static final class TooBig extends IOException {
    TooBig(String message) {
      super(message);
    }
  }

  private final Path target;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final CellStyle headerStyle;
  private SXSSFSheet sheet;
  private int columns;

  XlsxSheets(Path target) throws IOException {
    this.target = target;
    Files.createDirectories(target.toAbsolutePath().getParent());
    workbook.setCompressTempFiles(true);
    headerStyle = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    headerStyle.setFont(bold);
  }

  @Override
  public void startSheet(String name, List<String> header) throws IOException {
    if (header.size() > LIMITS.getMaxColumns()) {
      throw new TooBig("the " + name + " sheet would have " + header.size() + " columns, more than the "
          + LIMITS.getMaxColumns() + " a workbook can hold");
    }
    sheet = workbook.createSheet(name);
    sheet.setDefaultColumnWidth(18);
    sheet.createFreezePane(0, 1);
    columns = header.size();
    write(header, headerStyle);
  }

  @Override
  public void row(List<String> values) throws IOException {
    if (sheet.getLastRowNum() + 1 >= LIMITS.getMaxRows()) {
      throw new TooBig("the " + sheet.getSheetName() + " sheet would have more than the " + LIMITS.getMaxRows()
          + " rows a workbook can hold");
    }
    write(values, null);
  }

  private void write(List<String> values, CellStyle style) throws TooBig {
    Row row = sheet.createRow(sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1);
    for (int i = 0; i < columns; i++) {
      String value = values.get(i);
      if (value.isEmpty()) {
        continue;
      }
      if (value.length() > LIMITS.getMaxTextLength()) {
        throw new TooBig("a cell of the " + sheet.getSheetName() + " sheet (row " + (row.getRowNum() + 1) + ") holds "
            + value.length() + " characters, more than the " + LIMITS.getMaxTextLength() + " a workbook cell can hold");
      }
      var cell = row.createCell(i);
      cell.setCellValue(value);
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }

  @Override
  public Path commit() throws IOException {
    // Beside the target, so the move is a rename; not a temporary file, which would be private to its owner.
    Path building = target.resolveSibling("." + target.getFileName() + ".part-" + ProcessHandle.current().pid());
    try {
      try (OutputStream out = Files.newOutputStream(building)) {
        workbook.write(out);
      }
      Files.move(building, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(building);
    }
  }

  @Override
  public void close() throws IOException {
    workbook.close();
    workbook.dispose();
  }
}
