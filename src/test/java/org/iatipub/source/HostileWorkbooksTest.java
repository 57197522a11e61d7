package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks from anyone get the care XML files from anyone get: a zip bomb, a DOCTYPE (external
 * entities, entity expansion) in any XML part, a million empty rows, a cell of 10 MB, a missing or
 * damaged part each give a clear error (a finding at the sheet when a sheet cannot be read to its
 * end, or an unreadable workbook before anything is read), never a stack trace, and are read in
 * bounded memory: cell text is never kept past what a cell holds, and nothing is built as a tree.
 */
class HostileWorkbooksTest {
  @TempDir Path dir;

  private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
      + "<c r=\"B1\" t=\"inlineStr\"><is><t>title</t></is></c></row>";
  private static final String ROW = "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>ok</t></is></c></row>";

  private Map<String, String> parts(String rows) {
    return WorkbookFiles.xlsxParts(List.of(WorkbookFiles.Sheet.visible("data", rows)), List.of("<t>shared</t>"), null,
        List.of(0, 14), false);
  }

  /** A DOCTYPE whose external entity would read a file of this machine into a cell, were it followed. */
  private String withDoctype(String part) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "the machine's secret");
    int afterDeclaration = part.indexOf("?>") + 2;
    String root = part.substring(part.indexOf('<', afterDeclaration) + 1).split("[ >]", 2)[0];
    return part.substring(0, afterDeclaration) + "\n<!DOCTYPE " + root + " [<!ENTITY secret SYSTEM \""
        + secret.toUri() + "\">]>" + part.substring(afterDeclaration).replace("<t>ok</t>", "<t>&secret;</t>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"})
  void aDoctypeInAPartOfTheWorkbooksStructureMakesItUnreadable(String part) throws Exception {
    Map<String, String> parts = parts(HEADER + ROW);
    parts.put(part, withDoctype(parts.get(part)));
    Path file = WorkbookFiles.zip(dir.resolve("book.xlsx"), parts);

    Workbook.Unreadable unreadable = assertThrows(Workbook.Unreadable.class, () -> Workbook.open(file, "book.xlsx").close());

    // POI reads the package's own parts (content types, relationships) with its parser, which refuses a DOCTYPE too
    // but does not say in which part; a package whose relationships cannot be read names no workbook part at all.
    String expected = switch (part) {
      case "xl/workbook.xml", "xl/styles.xml" -> "book.xlsx: the part " + part + " of the workbook has a DOCTYPE"
          + " declaration, which no spreadsheet program writes; for safety it is refused (no external entity is fetched,"
          + " no entity expanded)";
      case "_rels/.rels" -> "book.xlsx: not an .xlsx workbook that can be read (its package names no workbook part; it is"
          + " damaged)";
      default -> "book.xlsx: a part of the workbook has a DOCTYPE declaration, which no spreadsheet program writes; for"
          + " safety it is refused (no external entity is fetched, no entity expanded)";
    };
    assertEquals(expected, unreadable.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"})
  void aDoctypeInAPartOfTheDataStopsTheSheetAndNothingOfTheEntityIsRead(String part) throws Exception {
    Map<String, String> parts = parts(HEADER + ROW);
    parts.put(part, withDoctype(parts.get(part)));
    Path file = WorkbookFiles.zip(dir.resolve("book.xlsx"), parts);

    SheetReading reading = SheetReading.of(file, "book.xlsx", "data");

    assertEquals(List.of("book.xlsx!data: error: the part " + part + " of the workbook has a DOCTYPE declaration, which no"
        + " spreadsheet program writes; for safety it is refused (no external entity is fetched, no entity expanded) and"
        + " nothing after it was read [workbook/doctype]"), reading.findings());
    assertEquals(List.of(), reading.rows());
    assertFalse(reading.complete());
  }

  @Test
  void aDoctypeInAnOpenDocumentSpreadsheetMakesItUnreadable() throws Exception {
    Map<String, String> parts = WorkbookFiles.odsParts("", "<table:table table:name=\"data\"><table:table-row>"
        + "<table:table-cell office:value-type=\"string\"><text:p>ok</text:p></table:table-cell></table:table-row></table:table>");
    parts.put("content.xml", withDoctype(parts.get("content.xml")));
    Path file = WorkbookFiles.zip(dir.resolve("book.ods"), parts);

    Workbook.Unreadable unreadable = assertThrows(Workbook.Unreadable.class, () -> Workbook.open(file, "book.ods").close());

    assertEquals("book.ods: the part content.xml of the workbook has a DOCTYPE declaration, which no spreadsheet program"
        + " writes; for safety it is refused (no external entity is fetched, no entity expanded)", unreadable.getMessage());
  }

  /** The middle of a sheet part, written straight into the zip: too big to build as one string first. */
  private interface Middle {
    void write(OutputStream out) throws java.io.IOException;
  }

  /** Writes an .xlsx whose sheet part is the header, then {@code middle}, then a data row in the sheet's last row. */
  private Path withMiddle(String name, Middle middle) throws Exception {
    Map<String, String> parts = parts("@");
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        if (part.getValue().contains("@")) {
          String[] around = part.getValue().split("@");
          zip.write((around[0] + HEADER).getBytes(StandardCharsets.UTF_8));
          OutputStream buffered = new java.io.BufferedOutputStream(zip, 1 << 16);
          middle.write(buffered);
          buffered.flush();
          zip.write((ROW.replace("r=\"2\"", "r=\"1048576\"").replace("A2", "A1048576").replace("B2", "B1048576")
              + around[1]).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void aSheetThatInflatesLikeAZipBombIsNotRead() throws Exception {
    // 64 MB of spaces deflate to about 64 KB: a thousand times, where a sheet rarely reaches twenty.
    byte[] spaces = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
    Path file = withMiddle("bomb.xlsx", out -> {
      for (int i = 0; i < 1024; i++) {
        out.write(spaces);
      }
    });

    SheetReading reading = SheetReading.of(file, "bomb.xlsx", "data");

    assertEquals(List.of("bomb.xlsx!data: error: the part xl/worksheets/sheet1.xml would inflate to more than 100 times its"
        + " compressed size (or past 4 GB), as a zip bomb does; it was not read [workbook/zip-bomb]"), reading.findings());
    assertFalse(reading.complete());
  }

  @Test
  void aMillionEmptyRowsAreReadInPassingWithNoFinding() throws Exception {
    Path file = withMiddle("tall.xlsx", out -> {
      for (int row = 2; row <= 1_000_001; row++) {
        out.write(("<row r=\"" + row + "\"><c r=\"A" + row + "\" s=\"1\"/></row>").getBytes(StandardCharsets.US_ASCII));
      }
    });

    SheetReading reading = SheetReading.of(file, "tall.xlsx", "data");

    assertEquals(List.of("1048576 {id=1, title=ok}"), reading.rows());
    assertEquals(List.of(), reading.findings());
  }

  /** Ten megabytes of text that deflate about as much as prose, so that it is no zip bomb. */
  private static String tenMegabytes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(10);
    StringBuilder text = new StringBuilder(10 << 20);
    while (text.length() < 10 << 20) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  @Test
  void aCellOfTenMegabytesRejectsItsRowWithoutBeingKept() throws Exception {
    String big = tenMegabytes();
    Map<String, String> parts = WorkbookFiles.xlsxParts(List.of(WorkbookFiles.Sheet.visible("data", HEADER
            + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>" + big + "</t></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" t=\"s\"><v>0</v></c></row>" + ROW.replace("2", "4"))),
        List.of("<t>" + big + "</t>"), null, List.of(0), false);
    Path file = WorkbookFiles.zip(dir.resolve("big.xlsx"), parts);

    SheetReading reading = SheetReading.of(file, "big.xlsx", "data");

    assertEquals(List.of("4 {id=1, title=ok}"), reading.rows());
    assertEquals(List.of(
        "big.xlsx!data!B2: error: the cell holds 10485760 characters, more than the 32767 a spreadsheet cell holds; shorten"
            + " it. The row is not published [workbook/cell-too-long]",
        "big.xlsx!data!B3: error: the cell holds 10485760 characters, more than the 32767 a spreadsheet cell holds; shorten"
            + " it. The row is not published [workbook/cell-too-long]"), reading.findings());
    assertTrue(reading.complete());
  }

  @Test
  void aCellOfTenMegabytesInAnOpenDocumentSpreadsheetLikewise() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("big.ods"), "", "<table:table table:name=\"data\">"
        + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>title</text:p></table:table-cell></table:table-row>"
        + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>" + tenMegabytes()
        + "</text:p></table:table-cell></table:table-row>"
        + "<table:table-row><table:table-cell><text:p>spaces<text:s text:c=\"2000000000\"/></text:p></table:table-cell></table:table-row>"
        + "</table:table>");

    SheetReading reading = SheetReading.of(file, "big.ods", "data");

    assertEquals(List.of(
        "big.ods!data!A2: error: the cell holds 10485760 characters, more than the 32767 a spreadsheet cell holds; shorten"
            + " it. The row is not published [workbook/cell-too-long]",
        "big.ods!data!A3: error: the cell holds 32774 characters, more than the 32767 a spreadsheet cell holds; shorten"
            + " it. The row is not published [workbook/cell-too-long]"), reading.findings());
  }

  @Test
  void aSheetPartTheWorkbookNamesButDoesNotHaveStopsThatSheet() throws Exception {
    Map<String, String> parts = parts(HEADER + ROW);
    parts.remove("xl/worksheets/sheet1.xml");
    Path file = WorkbookFiles.zip(dir.resolve("book.xlsx"), parts);

    SheetReading reading = SheetReading.of(file, "book.xlsx", "data");

    assertEquals(List.of("book.xlsx!data: error: the part xl/worksheets/sheet1.xml of the workbook cannot be read (No data"
        + " found for Sheet with r:id rId1); the workbook is damaged, and nothing after it was read [workbook/unreadable]"),
        reading.findings());
    assertFalse(reading.complete());
  }

  @Test
  void aCellCitingASharedStringTheWorkbookDoesNotHaveStopsTheSheet() throws Exception {
    Path file = WorkbookFiles.zip(dir.resolve("book.xlsx"), parts(HEADER + ROW
        + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" t=\"s\"><v>7</v></c></row>" + ROW.replace("2", "4")));

    SheetReading reading = SheetReading.of(file, "book.xlsx", "data");

    assertEquals(List.of("2 {id=1, title=ok}"), reading.rows());
    assertEquals(List.of("book.xlsx!data!B3: error: the cell cites shared string 7, but the workbook has 1; the workbook is"
        + " damaged, and nothing after this cell was read [workbook/damaged]"), reading.findings());
    assertFalse(reading.complete());
  }

  @Test
  void aSheetCutShortIsNotWellFormedAndStopsTheSheet() throws Exception {
    Map<String, String> parts = parts(HEADER + ROW + ROW.replace("2", "3"));
    String sheet = parts.get("xl/worksheets/sheet1.xml");
    parts.put("xl/worksheets/sheet1.xml", sheet.substring(0, sheet.indexOf("<row r=\"3\"") + 20));
    Path file = WorkbookFiles.zip(dir.resolve("cut.xlsx"), parts);

    SheetReading reading = SheetReading.of(file, "cut.xlsx", "data");

    assertEquals(List.of("2 {id=1, title=ok}"), reading.rows());
    assertEquals(1, reading.findings().size());
    assertTrue(reading.findings().get(0).startsWith("cut.xlsx!data: error: the part xl/worksheets/sheet1.xml of the workbook"
        + " is not well-formed XML (line 2, column "), reading.findings().get(0));
    assertTrue(reading.findings().get(0).endsWith("); the workbook is damaged, and nothing after it was read"
        + " [workbook/not-well-formed]"), reading.findings().get(0));
    assertFalse(reading.complete());
  }

  @Test
  void aDamagedZipIsAnUnreadableWorkbook() throws Exception {
    Path file = WorkbookFiles.zip(dir.resolve("damaged.xlsx"), parts(HEADER + ROW));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path csv = Files.writeString(dir.resolve("renamed.xlsx"), "id,title\n1,ok\n");
    Path notOds = WorkbookFiles.zip(dir.resolve("text.ods"), Map.of("mimetype", "application/vnd.oasis.opendocument.text"));

    Map<String, String> messages = new LinkedHashMap<>();
    for (Path path : List.of(file, csv, notOds)) {
      String shown = path.getFileName().toString();
      messages.put(shown, assertThrows(Workbook.Unreadable.class, () -> Workbook.open(path, shown).close()).getMessage());
    }

    assertEquals(Map.of(
        "damaged.xlsx", "damaged.xlsx: not an .xlsx workbook that can be read (the zip file is cut short or damaged)",
        "renamed.xlsx", "renamed.xlsx: not an .xlsx workbook that can be read (the file is no zip file, as an .xlsx workbook is)",
        "text.ods", "text.ods: not an OpenDocument spreadsheet (its mimetype is 'application/vnd.oasis.opendocument.text',"
            + " not application/vnd.oasis.opendocument.spreadsheet)"), messages);
  }
}
