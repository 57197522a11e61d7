package org.iatipub.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.xml.SafeXml;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A spreadsheet workbook, .xlsx (Excel) or .ods (OpenDocument, LibreOffice), whose sheets are
 * tables: each sheet a CSV file would be, its first row with anything in it naming the columns.
 * Sheets are read streaming, one row at a time, so a workbook of any size is read in bounded
 * memory; cells are read by their type (dates as ISO dates, numbers in plain form, formulas by the
 * value last calculated), as {@link CellValues} says. Hidden sheets are not tables: they are not
 * read at all.
 *
 * <p>Workbooks are zip files of XML parts and may come from anyone, so both are read with care: the
 * zip through POI's guarded zip reader (a part inflating to more than 100 times its size, or past
 * 4 GB, is refused: a zip bomb), every XML part with the project's hardened parser ({@link SafeXml}:
 * a DOCTYPE is refused, so no entity is fetched or expanded), cell text never kept past what a cell
 * holds. A part that cannot be read stops its sheet with a finding, never with half its rows.
 */
public abstract sealed class Workbook implements Closeable permits XlsxWorkbook, OdsWorkbook {

  /** A sheet of the workbook, in the workbook's order. */
  public record Sheet(String name, boolean hidden) {}

  /** A file that cannot be read as a workbook at all (not one, damaged, or refused): the message says why. */
  public static final class Unreadable extends IOException {
    public Unreadable(String message) {
      super(message);
    }
  }

  private final String shown;

  Workbook(String shown) {
    this.shown = shown;
  }

  /**
   * True for a file named as a workbook iatipub reads ({@code .xlsx}, {@code .xlsm}, {@code .ods}),
   * but not for the lock files Excel ({@code ~$book.xlsx}) and LibreOffice keep beside an open one.
   */
  public static boolean isWorkbook(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith("~$") && !name.startsWith(".~lock")
        && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".ods"));
  }

  /** The file name without its extension: a workbook set's name. */
  public static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Opens the workbook {@code path}, shown as {@code shown} in findings, and reads its list of
   * sheets; the sheets themselves are read when asked for.
   *
   * @throws Unreadable when it is not a workbook that can be read, with a message that says why
   * @throws IOException when the file cannot be read at all
   */
  public static Workbook open(Path path, String shown) throws IOException {
    String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return lower.endsWith(".ods") ? OdsWorkbook.openOds(path, shown) : XlsxWorkbook.openXlsx(path, shown);
  }

  /** The workbook as findings show it. */
  public String shown() {
    return shown;
  }

  /** Every sheet, hidden ones too, in the workbook's order. */
  public abstract List<Sheet> sheets();

  /**
   * The header row of each visible sheet, in the workbook's order: the column names by position (A
   * first), blank where a column has none; empty for a sheet with nothing in it. For checking a
   * configuration before any data is read.
   *
   * @throws Unreadable when a sheet's header cannot be read
   */
  public abstract Map<String, List<String>> headers() throws IOException;

  /** The sheet named {@code name} as a table. */
  public Table sheet(String name) {
    if (sheets().stream().noneMatch(sheet -> sheet.name().equals(name))) {
      throw new IllegalArgumentException(shown + " has no sheet '" + name + "'");
    }
    return new WorkbookSheet(this, name);
  }

  /** Reads the sheet {@code name}, handing each good row to {@code rows}. */
  abstract TableReading read(String name, Consumer<SourceRow> rows) throws IOException;

  /**
   * The finding for a part of the workbook that could not be read, which stops the sheet being
   * read: {@code part} is its name in the zip, {@code where} what the finding points at.
   */
  static Finding unreadablePart(Location where, String part, Exception problem) {
    String message = String.valueOf(problem.getMessage());
    if (problem instanceof SAXParseException parse) {
      if (message.contains(SafeXml.DOCTYPE_REFUSED)) {
        return Finding.error("workbook/doctype", where, "the part " + part + " of the workbook has a DOCTYPE declaration,"
            + " which no spreadsheet program writes; for safety it is refused (no external entity is fetched, no entity"
            + " expanded) and nothing after it was read");
      }
      return Finding.error("workbook/not-well-formed", where, "the part " + part + " of the workbook is not well-formed XML"
          + " (line " + parse.getLineNumber() + ", column " + parse.getColumnNumber() + ": " + message
          + "); the workbook is damaged, and nothing after it was read");
    }
    if (message.startsWith("Zip bomb detected")) {
      return Finding.error("workbook/zip-bomb", where, "the part " + part + " would inflate to more than 100 times its"
          + " compressed size (or past 4 GB), as a zip bomb does; it was not read");
    }
    return Finding.error("workbook/unreadable", where, "the part " + part + " of the workbook cannot be read ("
        + message.strip() + "); the workbook is damaged, and nothing after it was read");
  }

  /** The message of {@link #unreadablePart}, for a problem found before any sheet is read. */
  static Unreadable unreadable(String shown, String part, Exception problem) {
    return new Unreadable(shown + ": " + unreadablePart(new Location.WholeFile(shown), part, problem).message()
        .replace(", and nothing after it was read", "").replace(" and nothing after it was read", ""));
  }

  /**
   * The hardened parser every part is read with, reporting problems only by throwing them: the JDK
   * parser's own handler would also print them on standard error.
   */
  static XMLReader xmlReader() {
    XMLReader reader = SafeXml.newReader();
    reader.setErrorHandler(new DefaultHandler() {
      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }

      @Override
      public void error(SAXParseException e) throws SAXException {
        throw e;
      }
    });
    return reader;
  }

  @Override
  public String toString() {
    return shown;
  }
}
