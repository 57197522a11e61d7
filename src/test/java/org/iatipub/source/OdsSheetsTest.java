package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenDocument sheet gives the rows a CSV file with the same cells would, each cell read by its
 * value type; repeated rows and columns count as many, and the million empty rows LibreOffice
 * writes below the data as one repeated row cost nothing and give no finding.
 */
class OdsSheetsTest {
  @TempDir Path dir;

  private static final String HEADER = """
      <table:table-row>
        <table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell>
        <table:table-cell office:value-type="string"><text:p>value</text:p></table:table-cell>
        <table:table-cell office:value-type="string"><text:p>note</text:p></table:table-cell>
        <table:table-cell table:number-columns-repeated="16381"/>
      </table:table-row>
      """;

  private static String table(String name, String rows) {
    return "<table:table table:name=\"" + name + "\" table:style-name=\"ta1\"><table:table-column table:number-columns-repeated=\"3\"/>"
        + HEADER + rows + "</table:table>";
  }

  @Test
  void cellsAreReadByTheirValueType() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("typed.ods"), "", table("values", """
        <table:table-row>
          <table:table-cell office:value-type="float" office:value="1.1000000000000001"><text:p>1.10</text:p></table:table-cell>
          <table:table-cell office:value-type="percentage" office:value="0.285"><text:p>28.5%</text:p></table:table-cell>
          <table:table-cell office:value-type="currency" office:currency="USD" office:value="125000.5"><text:p>$125,000.50</text:p></table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="date" office:date-value="2023-12-31"><text:p>31/12/23</text:p></table:table-cell>
          <table:table-cell office:value-type="date" office:date-value="2025-06-30T18:05:00"><text:p>30/06/25 18:05</text:p></table:table-cell>
          <table:table-cell office:value-type="time" office:time-value="PT14H30M00S"><text:p>14:30</text:p></table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>Decent<text:s text:c="2"/>work<text:tab/>in</text:p><text:p><text:span>Asia</text:span><text:line-break/>2</text:p>\
        <office:annotation><text:p>a comment</text:p></office:annotation></table:table-cell>
          <table:table-cell table:formula="of:=[.A3]*2" office:value-type="float" office:value="2.0000000000000004"><text:p>2</text:p></table:table-cell>
        </table:table-row>
        """));

    SheetReading reading = SheetReading.of(file, "typed.ods", "values");

    assertEquals(List.of("2 {id=1.1, value=28.5, note=125000.5}", "3 {id=2023-12-31, value=2025-06-30T18:05:00, note=14:30:00}",
        "4 {id=true, value=Decent  work\tin\nAsia\n2, note=2}"), reading.rows());
    assertEquals(List.of(), reading.findings());
    assertTrue(reading.complete());
  }

  @Test
  void repeatedRowsAndCellsCountAsManyAndTheMillionEmptyRowsBelowCostNothing() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("repeated.ods"), "", table("rows", """
        <table:table-row table:number-rows-repeated="2">
          <table:table-cell office:value-type="string"><text:p>same</text:p></table:table-cell>
          <table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>
          <table:table-cell table:number-columns-repeated="1021"/>
        </table:table-row>
        <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
        <table:table-row>
          <table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>after</text:p></table:table-cell>
        </table:table-row>
        <table:table-row table:number-rows-repeated="1048569"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
        """));

    SheetReading reading = SheetReading.of(file, "repeated.ods", "rows");

    assertEquals(List.of("2 {id=same, value=7, note=7}", "3 {id=same, value=7, note=7}", "7 {id=, value=after, note=}"),
        reading.rows());
    assertEquals(List.of(), reading.findings());
  }

  @Test
  void aFormulaWithoutItsValueAndAnErrorAreFindingsAtTheirCells() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("formulas.ods"), "", table("Sheet1", """
        <table:table-row>
          <table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
          <table:table-cell table:formula="of:=[.A2]*2"/>
        </table:table-row>
        <table:table-row>
          <table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>
          <table:table-cell table:formula="of:=[.A3]/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
        </table:table-row>
        """));

    SheetReading reading = SheetReading.of(file, "formulas.ods", "Sheet1");

    assertEquals(List.of(), reading.rows());
    assertEquals(List.of(
        "formulas.ods!Sheet1!B2: error: the cell holds a formula (of:=[.A2]*2) whose value was never calculated and stored,"
            + " as a program that writes workbooks without calculating them leaves it; open the workbook in LibreOffice or"
            + " Excel and save it, or type the value. The row is not published [workbook/formula-without-value]",
        "formulas.ods!Sheet1!B3: error: the cell shows the error #DIV/0! from its formula (of:=[.A3]/0); correct it."
            + " The row is not published [workbook/error-value]"), reading.findings());
  }

  @Test
  void aTableWhoseStyleHidesItIsAHiddenSheet() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("hidden.ods"), """
        <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
        <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
        """, table("data", "") + "<table:table table:name=\"codes\" table:style-name=\"ta2\">" + HEADER + "</table:table>");

    try (Workbook workbook = Workbook.open(file, "hidden.ods")) {
      assertEquals(List.of(new Workbook.Sheet("data", false), new Workbook.Sheet("codes", true)), workbook.sheets());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("data", List.of("id", "value", "note"));
      assertEquals(headers, workbook.headers());
    }
  }

  @Test
  void aHeaderCellThatCannotBeReadIsToldWhenTheSheetIsReadNotWhenTheWorkbookIsOpened() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("header.ods"), "", "<table:table table:name=\"data\"><table:table-row>"
        + "<table:table-cell office:value-type=\"string\"><text:p>id</text:p></table:table-cell>"
        + "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\">"
        + "<text:p>#DIV/0!</text:p></table:table-cell></table:table-row></table:table>" + table("other", ""));

    try (Workbook workbook = Workbook.open(file, "header.ods")) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("data", List.of());
      headers.put("other", List.of("id", "value", "note"));
      assertEquals(headers, workbook.headers());
    }
    assertEquals(List.of("header.ods!data!B1: error: the cell shows the error #DIV/0! from its formula (of:=1/0); correct it"
        + " [workbook/error-value]"), SheetReading.of(file, "header.ods", "data").findings());
  }

  @Test
  void aValueBeyondTheLastRowASpreadsheetHasStopsTheSheet() throws Exception {
    Path file = WorkbookFiles.ods(dir.resolve("beyond.ods"), "", table("rows", """
        <table:table-row table:number-rows-repeated="1048574"><table:table-cell/></table:table-row>
        <table:table-row table:number-rows-repeated="5"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
        """));

    SheetReading reading = SheetReading.of(file, "beyond.ods", "rows");

    assertEquals(List.of("beyond.ods!rows: error: a cell with a value at row 1048577, column 1 lies outside any spreadsheet"
        + " (at most 1048576 rows and 16384 columns), so the workbook was not written by a spreadsheet program; nothing"
        + " after it was read [workbook/beyond-sheet]"), reading.findings());
    assertFalse(reading.complete());
    assertEquals(1, reading.rowsRead(), "the last row a spreadsheet has is read");
  }
}
