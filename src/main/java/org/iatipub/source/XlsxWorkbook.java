package org.iatipub.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.iatipub.finding.Location;
import org.iatipub.xml.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An Excel workbook (.xlsx, .xlsm), read with Apache POI's event API: POI opens the zip package
 * (with its guards against zip bombs) and finds the parts by their relationships ({@link
 * XSSFReader}); each XML part is then streamed through the project's hardened parser with a
 * handler of our own ({@link XlsxSheetHandler}), never built as a tree. The shared strings, which
 * can be as big as the data, go to memory-mapped scratch files ({@link SharedStrings}).
 *
 * <p>POI's zip guards are static settings of the whole JVM ({@code ZipSecureFile}'s minimum
 * inflation ratio, 1:100, and largest part, 4 GB). iatipub keeps POI's defaults and never sets
 * them, so no part of the run can loosen them for another; they already bound what a hostile
 * file can make us inflate, and everything read from the inflated parts is streamed.
 */
final class XlsxWorkbook extends Workbook {
  private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private final OPCPackage zip;
  private final XSSFReader reader;
  private final PackagePart workbookPart;
  private final List<Sheet> sheets;
  /** Each sheet's relationship id, by name: how the workbook part finds the sheet's part. */
  private final Map<String, String> ids;
  private final boolean date1904;
  private final CellValues.Shown[] styles;
  private SharedStrings strings;

  private XlsxWorkbook(String shown, OPCPackage zip, XSSFReader reader, PackagePart workbookPart, List<Sheet> sheets,
      Map<String, String> ids, boolean date1904, CellValues.Shown[] styles) {
    super(shown);
    this.zip = zip;
    this.reader = reader;
    this.workbookPart = workbookPart;
    this.sheets = List.copyOf(sheets);
    this.ids = Map.copyOf(ids);
    this.date1904 = date1904;
    this.styles = styles;
  }

  static XlsxWorkbook openXlsx(Path path, String shown) throws IOException {
    OPCPackage zip;
    try {
      zip = OPCPackage.open(path.toFile(), PackageAccess.READ);
    } catch (InvalidFormatException | RuntimeException e) {
      throw notReadable(shown, e);
    }
    try {
      XSSFReader reader = new XSSFReader(zip);
      PackagePart workbookPart = related(zip, null, org.apache.poi.openxml4j.opc.PackageRelationshipTypes.CORE_DOCUMENT);
      WorkbookPart workbook = new WorkbookPart();
      parse(shown, "xl/workbook.xml", reader.getWorkbookData(), workbook);
      CellValues.Shown[] styles = new CellValues.Shown[0];
      PackagePart stylesPart = related(zip, workbookPart, XSSFRelation.STYLES.getRelation());
      if (stylesPart != null) {
        StylesPart handler = new StylesPart();
        parse(shown, stylesPart.getPartName().getName().substring(1), stylesPart.getInputStream(), handler);
        styles = handler.shown();
      }
      return new XlsxWorkbook(shown, zip, reader, workbookPart, workbook.sheets, workbook.ids, workbook.date1904, styles);
    } catch (IOException | OpenXML4JException | RuntimeException e) {
      zip.revert();
      if (e instanceof Unreadable unreadable) {
        throw unreadable;
      }
      throw notReadable(shown, e);
    }
  }

  /** Why POI could not open the package, in the project's words where POI's are about its own workings. */
  private static Unreadable notReadable(String shown, Exception e) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append(' ');
    }
    String all = messages.toString();
    String why;
    if (all.contains(SafeXml.DOCTYPE_REFUSED)) {
      return new Unreadable(shown + ": a part of the workbook has a DOCTYPE declaration, which no spreadsheet program"
          + " writes; for safety it is refused (no external entity is fetched, no entity expanded)");
    } else if (e instanceof NotOfficeXmlFileException || all.contains("No valid entries or contents found")) {
      why = "the file is no zip file, as an .xlsx workbook is";
    } else if (all.contains("Failed to read the file input stream")) {
      why = "the zip file is cut short or damaged";
    } else if (all.contains("Strict OOXML")) {
      why = "it is saved as Strict Open XML; save it as an Excel Workbook (.xlsx)";
    } else if (all.contains("no core document found")) {
      why = "its package names no workbook part; it is damaged";
    } else {
      why = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).strip().replaceAll("\\s+", " ");
    }
    return new Unreadable(shown + ": not an .xlsx workbook that can be read (" + why + ")");
  }

  /** The part {@code from} (or, when null, the package) points to with {@code type}; null when there is none. */
  private static PackagePart related(OPCPackage zip, PackagePart from, String type) throws InvalidFormatException {
    PackageRelationshipCollection relationships = from == null ? zip.getRelationshipsByType(type)
        : from.getRelationshipsByType(type);
    PackageRelationship relationship = relationships.size() == 0 ? null : relationships.getRelationship(0);
    return relationship == null ? null : zip.getPart(PackagingURIHelper.createPartName(relationship.getTargetURI()));
  }

  /** Streams a part into {@code handler}; a part that cannot be read makes the workbook unreadable. */
  private static void parse(String shown, String part, InputStream in, DefaultHandler handler) throws IOException {
    if (in == null) {
      throw new Unreadable(shown + ": the workbook has no part " + part + "; it is damaged");
    }
    try (in) {
      XMLReader xml = Workbook.xmlReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (SAXException e) {
      throw unreadable(shown, part, e);
    } catch (IOException e) {
      throw unreadable(shown, part, e);
    }
  }

  @Override
  public List<Sheet> sheets() {
    return sheets;
  }

  @Override
  public Map<String, List<String>> headers() throws IOException {
    // Header cells citing shared strings are collected first, then the strings they cite are read
    // in one pass over the shared strings, which stops at the last one needed.
    Map<String, Map<Integer, Object>> raw = new LinkedHashMap<>();
    for (Sheet sheet : sheets) {
      if (sheet.hidden()) {
        continue;
      }
      HeaderCells header = new HeaderCells();
      try (InputStream in = sheetPart(sheet.name())) {
        XMLReader xml = Workbook.xmlReader();
        xml.setContentHandler(new XlsxSheetHandler(header, styles, date1904));
        xml.parse(new InputSource(in));
      } catch (HeaderCells.Done done) {
        // the header row is read
      } catch (SAXException | IOException | InvalidFormatException | RuntimeException e) {
        throw unreadable(shown(), partName(sheet.name()), e);
      }
      raw.put(sheet.name(), header.cells);
    }
    int last = raw.values().stream().flatMap(cells -> cells.values().stream())
        .filter(Integer.class::isInstance).mapToInt(Integer.class::cast).max().orElse(-1);
    Map<Integer, String> texts = new HashMap<>();
    if (last >= 0) {
      PackagePart part;
      try {
        part = sharedStringsPart();
      } catch (InvalidFormatException e) {
        throw unreadable(shown(), "xl/sharedStrings.xml", e);
      }
      if (part == null) {
        throw new Unreadable(shown() + ": a header cell cites a shared string, but the workbook has none; it is damaged");
      }
      try (InputStream in = part.getInputStream()) {
        SharedStrings.stream(in, (index, text, length) -> texts.put(index, text == null ? "" : text), last);
      } catch (SAXException | IOException e) {
        throw unreadable(shown(), part.getPartName().getName(), e);
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    raw.forEach((sheet, cells) -> {
      int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      List<String> names = new ArrayList<>();
      for (int column = 1; column <= width; column++) {
        Object cell = cells.get(column);
        String name = cell instanceof Integer index ? texts.getOrDefault(index, "") : cell == null ? "" : (String) cell;
        names.add(name.strip());
      }
      headers.put(sheet, List.copyOf(names));
    });
    return headers;
  }

  @Override
  TableReading read(String name, Consumer<SourceRow> rows) throws IOException {
    TableName table = new TableName(shown(), name);
    SheetRows sheetRows = new SheetRows(table, rows);
    Location.WholeFile where = new Location.WholeFile(table.shown());
    SharedStrings shared;
    try {
      shared = strings();
    } catch (SAXException | IOException | InvalidFormatException e) {
      return sheetRows.finish(false, unreadablePart(where, sharedStringsName(), e));
    }
    String part = partName(name);
    try (InputStream in = sheetPart(name)) {
      XMLReader xml = Workbook.xmlReader();
      xml.setContentHandler(new XlsxSheetHandler(new SheetCells(sheetRows, shared), styles, date1904));
      xml.parse(new InputSource(in));
    } catch (SheetRows.Stop stop) {
      return sheetRows.finish(false, stop.finding);
    } catch (SAXException | IOException | InvalidFormatException | RuntimeException e) {
      return sheetRows.finish(false, unreadablePart(where, part, e));
    }
    return sheetRows.finish(true, null);
  }

  private InputStream sheetPart(String name) throws IOException, InvalidFormatException {
    return reader.getSheet(ids.get(name));
  }

  private String partName(String sheet) {
    try {
      PackageRelationship relationship = workbookPart.getRelationship(ids.get(sheet));
      return relationship == null ? "for sheet '" + sheet + "'"
          : PackagingURIHelper.createPartName(relationship.getTargetURI()).getName().substring(1);
    } catch (InvalidFormatException | RuntimeException e) {
      return "for sheet '" + sheet + "'";
    }
  }

  private PackagePart sharedStringsPart() throws InvalidFormatException {
    return related(zip, workbookPart, XSSFRelation.SHARED_STRINGS.getRelation());
  }

  private String sharedStringsName() {
    try {
      PackagePart part = sharedStringsPart();
      return part == null ? "xl/sharedStrings.xml" : part.getPartName().getName().substring(1);
    } catch (InvalidFormatException | RuntimeException e) {
      return "xl/sharedStrings.xml";
    }
  }

  /** The shared strings, read into scratch files the first time a sheet is read; null when there are none. */
  private SharedStrings strings() throws IOException, SAXException, InvalidFormatException {
    if (strings == null) {
      PackagePart part = sharedStringsPart();
      if (part != null) {
        try (InputStream in = part.getInputStream()) {
          strings = SharedStrings.read(in);
        }
      }
    }
    return strings;
  }

  /** Closes the zip without ever writing to it, and deletes the shared strings' scratch files. */
  @Override
  public void close() {
    try {
      if (strings != null) {
        strings.close();
      }
    } finally {
      zip.revert();
    }
  }

  /** Cells of a sheet handed to its {@link SheetRows}, shared strings looked up. */
  private record SheetCells(SheetRows rows, SharedStrings shared) implements XlsxSheetHandler.Cells {
    @Override
    public void startRow(long row) {
      rows.startRow(row);
    }

    @Override
    public void cell(int column, String text) throws SAXException {
      rows.cell(column, text);
    }

    @Override
    public void sharedString(int column, int index) throws SAXException {
      if (shared == null || index < 0 || index >= shared.size()) {
        damaged(column, "the cell cites shared string " + index + ", but the workbook has "
            + (shared == null ? "none" : shared.size()));
        return;
      }
      String text = shared.get(index);
      if (text == null) {
        rows.badCell(column, "workbook/cell-too-long", "the cell holds " + shared.length(index)
            + " characters, more than the " + SheetRows.MAX_CELL_CHARS + " a spreadsheet cell holds; shorten it");
        return;
      }
      rows.cell(column, text);
    }

    @Override
    public void badCell(int column, String rule, String message) throws SAXException {
      rows.badCell(column, rule, message);
    }

    @Override
    public void damaged(int column, String message) throws SAXException {
      throw rows.stop(column, "workbook/damaged", message + "; the workbook is damaged, and nothing after this cell was read");
    }

    @Override
    public void endRow() throws SAXException {
      rows.endRow();
    }
  }

  /** The cells of a sheet's header row (its first with anything in it): text, or the number of a shared string. */
  private static final class HeaderCells implements XlsxSheetHandler.Cells {
    /** Thrown once the header row is read: the rest of the sheet is not needed. */
    static final class Done extends SAXException {}

    final Map<Integer, Object> cells = new TreeMap<>();

    @Override
    public void startRow(long row) {}

    @Override
    public void cell(int column, String text) {
      if (!text.isBlank()) {
        cells.put(column, text);
      }
    }

    @Override
    public void sharedString(int column, int index) {
      cells.put(column, index);
    }

    @Override
    public void badCell(int column, String rule, String message) {
      // reported when the sheet is read
    }

    @Override
    public void damaged(int column, String message) {
      // reported when the sheet is read
    }

    @Override
    public void endRow() throws SAXException {
      if (!cells.isEmpty()) {
        throw new Done();
      }
    }
  }

  /** The workbook part: its sheets (name, hidden or not, relationship id) and its date system. */
  private static final class WorkbookPart extends DefaultHandler {
    final List<Sheet> sheets = new ArrayList<>();
    final Map<String, String> ids = new HashMap<>();
    boolean date1904;

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      if (local.equals("workbookPr")) {
        String value = attributes.getValue("date1904");
        date1904 = "1".equals(value) || "true".equals(value);
      } else if (local.equals("sheet")) {
        String name = attributes.getValue("name");
        String id = attributes.getValue(RELATIONSHIPS, "id");
        if (name != null && id != null) {
          String state = attributes.getValue("state");
          // "veryHidden" sheets can only be shown again by a macro: hidden all the same.
          sheets.add(new Sheet(name, state != null && !state.equals("visible")));
          ids.put(name, id);
        }
      }
    }
  }

  /**
   * The styles part, as far as numbers go: the number format of each cell style ({@code cellXfs},
   * which cells cite by index), and the workbook's own format codes ({@code numFmts}).
   */
  private static final class StylesPart extends DefaultHandler {
    private final Map<Integer, String> formats = new HashMap<>();
    private final List<Integer> cellFormats = new ArrayList<>();
    private boolean inCellXfs;

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      switch (local) {
        case "numFmt" -> {
          Integer id = number(attributes.getValue("numFmtId"));
          if (id != null) {
            formats.put(id, attributes.getValue("formatCode"));
          }
        }
        case "cellXfs" -> inCellXfs = true;
        case "xf" -> {
          if (inCellXfs) {
            Integer id = number(attributes.getValue("numFmtId"));
            cellFormats.add(id == null ? 0 : id);
          }
        }
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      if (local.equals("cellXfs")) {
        inCellXfs = false;
      }
    }

    CellValues.Shown[] shown() {
      CellValues.Shown[] shown = new CellValues.Shown[cellFormats.size()];
      for (int i = 0; i < shown.length; i++) {
        int id = cellFormats.get(i);
        shown[i] = CellValues.shown(id, formats.get(id));
      }
      return shown;
    }

    private static Integer number(String text) {
      try {
        return text == null ? null : Integer.valueOf(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
