package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV exports strictly, with every row numbered as a spreadsheet shows it. */
class CsvTableTest {
  @TempDir Path dir;

  private CsvTable read(String text, char delimiter) throws Exception {
    Path file = dir.resolve("projects.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return CsvTable.read(file, "projects.csv", delimiter);
  }

  @Test
  void rowsKeepTheirSpreadsheetNumbersAcrossBlankLinesAndMultiLineCells() throws Exception {
    CsvTable table = read("code,title_en\nET-22-01-NLD,\"Decent jobs,\nphase I\"\n\nKH-23-02-SWE,Social protection\n", ',');

    assertEquals(List.of("code", "title_en"), table.header());
    assertEquals(List.of(2L, 4L), table.rows().stream().map(SourceRow::row).toList());
    assertEquals("Decent jobs,\nphase I", table.rows().get(0).get("title_en"));
    assertEquals(2, table.rowsRead());
    assertTrue(table.complete());
  }

  @Test
  void theDelimiterIsConfigurable() throws Exception {
    CsvTable table = read("code;amount\nET-22-01-NLD;1200,50\n", ';');

    assertEquals("1200,50", table.rows().get(0).get("amount"));
    assertTrue(table.findings().isEmpty());
  }

  @Test
  void carriageReturnLineEndsAreOneRowEach() throws Exception {
    CsvTable table = read("code,title_en\r\nET-22-01-NLD,Youth\r\nKH-23-02-SWE,\"unclosed\r\n", ',');

    assertFalse(table.complete());
    assertEquals("projects.csv:3:title_en: error: a quoted cell is never closed (the file ends inside it)."
        + " Reading stopped here: this row and the rows after it were not read [csv/quoting]", table.findings().get(0).toString());
  }

  @Test
  void aHeaderNamingAColumnTwiceMakesTheFileUnusable() throws Exception {
    CsvTable table = read("code,title,title\nET-22-01-NLD,Youth,Jeunes\n", ',');

    assertFalse(table.complete());
    assertEquals("projects.csv:1:title: error: the header names column 'title' twice; each column needs its own name"
        + " [csv/duplicate-column]", table.findings().get(0).toString());
  }

  @Test
  void anEmptyFileIsReportedAsSuch() throws Exception {
    CsvTable table = read("", ',');

    assertFalse(table.complete());
    assertEquals("csv/empty-file", table.findings().get(0).rule());
  }

  private Path latin1(String text) throws Exception {
    Path file = dir.resolve("projects.csv");
    Files.write(file, text.replace("é", "\u0000").getBytes(StandardCharsets.UTF_8));
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = bytes[i] == 0 ? (byte) 0xE9 : bytes[i]; // é in Latin-1: not UTF-8
    }
    Files.write(file, bytes);
    return file;
  }

  @Test
  void theRowsBeforeBadBytesAreReadAndTheBadCellIsNamed() throws Exception {
    CsvTable table = CsvTable.read(latin1("code,title_en\nET-22-01-NLD,Youth\nKH-23-02-SWE,Proteccién\n"), "projects.csv", ',');

    assertEquals(List.of("ET-22-01-NLD"), table.rows().stream().map(row -> row.get("code")).toList());
    assertEquals(List.of("projects.csv:3:title_en: error: this cell holds bytes that are not UTF-8 text (byte offset 54);"
        + " save the file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]"),
        table.findings().stream().map(Object::toString).toList());
    assertFalse(table.complete());
  }

  @Test
  void aHeaderIsReadWhateverBytesComeAfterIt() throws Exception {
    Path file = latin1("code,title_en\nET-22-01-NLD,Youth\nKH-23-02-SWE,Proteccién\n");

    assertEquals(new CsvTable.Header(List.of("code", "title_en"), null), CsvTable.readHeader(file, "projects.csv", ','));
  }

  @Test
  void aHeaderWithBadBytesTellsWhereAndStillNamesTheOtherColumns() throws Exception {
    Path file = latin1("\uFEFFcode,titlé_en,status\nET-22-01-NLD,Youth,ACTIVE\n");

    CsvTable.Header header = CsvTable.readHeader(file, "projects.csv", ',');

    assertEquals(List.of("code", "titl\uFFFD_en", "status"), header.names());
    assertEquals("projects.csv:1:column 2: error: this cell holds bytes that are not UTF-8 text (byte offset 12); save the"
        + " file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        String.valueOf(header.problem()));
  }
}
