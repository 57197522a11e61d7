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
}
