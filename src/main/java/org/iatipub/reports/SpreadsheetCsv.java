package org.iatipub.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV that opens in a spreadsheet as it is: UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), every cell quoted, CRLF line ends, and no formula smuggled in by the input: a text cell
 * that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return first) gets a leading apostrophe, which spreadsheets show as text. Plain
 * numbers, negative ones too, are left as they are.
 */
final class SpreadsheetCsv implements AutoCloseable {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();

  private final CSVPrinter printer;

  SpreadsheetCsv(Writer out, List<String> header) throws IOException {
    out.write('\uFEFF');
    printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(header);
  }

  /** One row; text cells are made safe, numbers written as they are. */
  void row(Object... cells) throws IOException {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = cells[i] instanceof String text ? safe(text) : cells[i];
    }
    printer.printRecord(safe);
  }

  /** What the report was checked with, after a blank row so a spreadsheet's sort and filter leave it out of the table. */
  void stamp(VersionStamp stamp) throws IOException {
    printer.println();
    for (Map.Entry<String, String> line : stamp.lines().entrySet()) {
      row(line.getKey(), line.getValue());
    }
  }

  static String safe(String text) {
    if (text.isEmpty() || NUMBER.matcher(text).matches()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
  }

  void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
