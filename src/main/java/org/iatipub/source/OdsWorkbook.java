package org.iatipub.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.iatipub.finding.Location;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An OpenDocument spreadsheet (.ods, LibreOffice's own format). All its sheets are in one part,
 * {@code content.xml}, which is streamed through the project's hardened parser ({@link
 * OdsContentHandler}) and never built as a tree: once when the workbook is opened, to list the
 * sheets and read their header rows, then once for each sheet read. The zip is read through POI's
 * guarded zip reader, with the same limits as an .xlsx workbook's (see {@link XlsxWorkbook}).
 */
final class OdsWorkbook extends Workbook {
  static final String MIME_TYPE = "application/vnd.oasis.opendocument.spreadsheet";
  private static final String CONTENT = "content.xml";

  private final ZipSecureFile zip;
  private final ZipArchiveEntry content;
  private final List<Sheet> sheets;
  private final Map<String, List<String>> headers;

  private OdsWorkbook(String shown, ZipSecureFile zip, ZipArchiveEntry content, List<Sheet> sheets,
      Map<String, List<String>> headers) {
    super(shown);
    this.zip = zip;
    this.content = content;
    this.sheets = List.copyOf(sheets);
    this.headers = headers;
  }

  static OdsWorkbook openOds(Path path, String shown) throws IOException {
    ZipSecureFile zip;
    try {
      zip = new ZipSecureFile(path.toFile());
    } catch (IOException e) {
      throw new Unreadable(shown + ": not an .ods workbook that can be read (it is no zip file: " + e.getMessage() + ")");
    }
    try {
      ZipArchiveEntry mimeType = zip.getEntry("mimetype");
      String type = "";
      if (mimeType != null) {
        try (InputStream in = zip.getInputStream(mimeType)) {
          type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
        }
      }
      if (!type.equals(MIME_TYPE)) {
        throw new Unreadable(shown + ": not an OpenDocument spreadsheet (its mimetype is '" + SheetRows.clip(type)
            + "', not " + MIME_TYPE + ")");
      }
      ZipArchiveEntry content = zip.getEntry(CONTENT);
      if (content == null) {
        throw new Unreadable(shown + ": the workbook has no part " + CONTENT + "; it is damaged");
      }
      List<Sheet> sheets = new ArrayList<>();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      OdsContentHandler survey = new OdsContentHandler(new OdsContentHandler.Tables() {
        @Override
        public SheetRows start(String name, boolean hidden) {
          sheets.add(new Sheet(name, hidden));
          return hidden ? null : new SheetRows(new TableName(shown, name), row -> { });
        }

        @Override
        public void end(String name, SheetRows rows) {
          headers.put(name, rows.header());
        }
      }, true);
      try (InputStream in = zip.getInputStream(content)) {
        parse(in, survey);
      } catch (SAXException | IOException e) {
        throw unreadable(shown, CONTENT, e);
      }
      return new OdsWorkbook(shown, zip, content, sheets, headers);
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  private static void parse(InputStream in, OdsContentHandler handler) throws IOException, SAXException {
    XMLReader xml = Workbook.xmlReader();
    xml.setContentHandler(handler);
    try {
      xml.parse(new InputSource(in));
    } catch (OdsContentHandler.Done done) {
      // the sheet wanted was read to its end
    }
  }

  @Override
  public List<Sheet> sheets() {
    return sheets;
  }

  @Override
  public Map<String, List<String>> headers() {
    return headers;
  }

  @Override
  TableReading read(String name, Consumer<SourceRow> rows) throws IOException {
    TableName table = new TableName(shown(), name);
    SheetRows sheetRows = new SheetRows(table, rows);
    OdsContentHandler handler = new OdsContentHandler(new OdsContentHandler.Tables() {
      @Override
      public SheetRows start(String sheet, boolean hidden) {
        return sheet.equals(name) ? sheetRows : null;
      }

      @Override
      public void end(String sheet, SheetRows rows) throws SAXException {
        throw new OdsContentHandler.Done();
      }
    }, false);
    try (InputStream in = zip.getInputStream(content)) {
      parse(in, handler);
    } catch (SheetRows.Stop stop) {
      return sheetRows.finish(false, stop.finding);
    } catch (SAXException | IOException | RuntimeException e) {
      return sheetRows.finish(false, unreadablePart(new Location.WholeFile(table.shown()), CONTENT, e));
    }
    return sheetRows.finish(true, null);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
