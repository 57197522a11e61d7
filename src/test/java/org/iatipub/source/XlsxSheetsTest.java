package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An .xlsx sheet gives the rows a CSV file with the same cells would: the first row with anything
 * in it names the columns, each cell is read by its type as the user typed or sees it (a date as an
 * ISO date, a number in plain form, a formula by its last value), and what cannot be read is a
 * finding at its cell, named as a spreadsheet names it.
 */
class XlsxSheetsTest {
  @TempDir Path dir;

  private static Map<String, String> cells(String... pairs) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      cells.put(pairs[i], pairs[i + 1]);
    }
    return cells;
  }

  @Test
  void datesNumbersAndBooleansTypedInExcelReadAsTheUserTypedThem() throws Exception {
    Path file = dir.resolve("typed.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      CellStyle percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00 [$USD]"));
      XSSFSheet sheet = workbook.createSheet("budgets");
      Row header = sheet.createRow(0);
      String[] names = {"start", "updated", "value", "share", "small", "sum", "humanitarian", "code"};
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(LocalDate.of(2023, 12, 31));
      row.getCell(0).setCellStyle(date);
      row.createCell(1).setCellValue(LocalDateTime.of(2025, 6, 30, 18, 5));
      row.getCell(1).setCellStyle(dateTime);
      row.createCell(2).setCellValue(100000);
      row.getCell(2).setCellStyle(money);
      row.createCell(3).setCellValue(0.285);
      row.getCell(3).setCellStyle(percent);
      row.createCell(4).setCellValue(0.00001);
      row.createCell(5).setCellFormula("0.1+0.2");
      row.createCell(6).setCellValue(true);
      row.createCell(7).setCellValue("0042");
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
    }

    SheetReading reading = SheetReading.of(file, "typed.xlsx", "budgets");

    assertEquals(List.of(SheetReading.row(2, cells("start", "2023-12-31", "updated", "2025-06-30T18:05:00", "value", "100000",
        "share", "28.5", "small", "0.00001", "sum", "0.3", "humanitarian", "true", "code", "0042"))), reading.rows());
    assertEquals(List.of(), reading.findings());
    assertTrue(reading.complete());
  }

  @Test
  void numbersAsExcelStoresThemComeBackWithTheFifteenDigitsItKeeps() throws Exception {
    // Excel writes 17 significant digits so that the double reads back exactly: 1.1 is stored as
    // 1.1000000000000001. It shows, computes and keeps 15.
    Path file = WorkbookFiles.xlsx(dir.resolve("stored.xlsx"), List.of("<t>value</t>"),
        WorkbookFiles.Sheet.visible("values", """
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2"><v>1.1000000000000001</v></c></row>
            <row r="3"><c r="A3"><v>1E+05</v></c></row>
            <row r="4"><c r="A4"><v>1.2345678901234567E+19</v></c></row>
            <row r="5"><c r="A5"><v>-2.5000000000000001E-3</v></c></row>
            <row r="6"><c r="A6"><v>45291</v></c></row>
            <row r="7"><c r="A7" s="1"><v>45291</v></c></row>
            """));

    SheetReading reading = SheetReading.of(file, "stored.xlsx", "values");

    assertEquals(List.of("2 {value=1.1}", "3 {value=100000}", "4 {value=12345678901234600000}", "5 {value=-0.0025}",
        "6 {value=45291}", "7 {value=2023-12-31}"), reading.rows());
    assertEquals(List.of(), reading.findings());
  }

  @Test
  void aFormulaGivesTheValueLastCalculatedAndOneNeverCalculatedIsAFindingAtItsCell() throws Exception {
    Path file = WorkbookFiles.xlsx(dir.resolve("portfolio.xlsx"), List.of("<t>id</t>", "<t>value</t>", "<t>label</t>"),
        WorkbookFiles.Sheet.visible("transactions", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*246</f><v>246.00000000000003</v></c>\
            <c r="C2" t="str"><f>"T-"&amp;A2</f><v>T-1</v></c></row>
            <row r="3"><c r="A3"><v>2</v></c><c r="B3"><f>A3*246</f></c><c r="C3" t="str"><f>"T-"&amp;A3</f></c></row>
            <row r="4"><c r="A4"><v>3</v></c><c r="B4" t="e"><f>A4/0</f><v>#DIV/0!</v></c><c r="C4" t="str"><v></v></c></row>
            """));

    SheetReading reading = SheetReading.of(file, "portfolio.xlsx", "transactions");

    assertEquals(List.of("2 {id=1, value=246, label=T-1}"), reading.rows());
    assertEquals(List.of(
        "portfolio.xlsx!transactions!B3: error: the cell holds a formula (=A3*246) whose value was never calculated and"
            + " stored, as a program that writes workbooks without calculating them leaves it; open the workbook in Excel or"
            + " LibreOffice and save it, or type the value (so do 1 more cells of this row: C3). The row is not published"
            + " [workbook/formula-without-value]",
        "portfolio.xlsx!transactions!B4: error: the cell shows the error #DIV/0! from its formula (=A4/0); correct it."
            + " The row is not published [workbook/error-value]"), reading.findings());
    assertEquals(3, reading.rowsRead());
    assertTrue(reading.complete());
  }

  @Test
  void sharedAndInlineStringsGiveTheirTextWithoutPhoneticGuidesAndWithEscapedCharacters() throws Exception {
    Path file = WorkbookFiles.xlsx(dir.resolve("text.xlsx"), List.of(
            "<t>title</t>", "<t>note</t>",
            "<r><rPr><b/></rPr><t>Decent </t></r><r><t xml:space=\"preserve\">work in Asia</t></r>",
            "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/>",
            "<t>line one_x000D_\nline two, a _x005F_x0041_ kept</t>"),
        WorkbookFiles.Sheet.visible("Titles", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>note</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>
            <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c></row>
            """));

    SheetReading reading = SheetReading.of(file, "text.xlsx", "Titles");

    assertEquals(List.of("2 {title=Decent work in Asia, note=inline}", "3 {title=東京, note=line one\r\nline two, a _x0041_ kept}"),
        reading.rows());
    assertEquals(List.of(), reading.findings());
  }

  @Test
  void emptyRowsAndColumnsAroundTheTableGiveNoFindingsAndRowsKeepTheirNumbers() throws Exception {
    // Spreadsheets keep styled, empty cells and rows far outside the data; the header need not be in row 1.
    Path file = WorkbookFiles.xlsx(dir.resolve("sparse.xlsx"), List.of("<t>id</t>", "<t>name</t>", "<t> </t>"),
        WorkbookFiles.Sheet.visible("Sheet 1", """
            <row r="2" spans="1:20"><c r="T2" s="1"/></row>
            <row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" s="1"/></row>
            <row r="4"><c r="B4" t="s"><v>1</v></c><c r="C4" t="s"><v>2</v></c><c r="XFD4" t="s"><v>2</v></c></row>
            <row r="6"><c r="C6" t="s"><v>0</v></c><c r="Z6" s="1"/></row>
            <row r="9"/>
            <row r="1048576"><c r="A1048576" s="1"/></row>
            """));

    SheetReading reading = SheetReading.of(file, "sparse.xlsx", "Sheet 1");

    assertEquals(List.of("4 {id=name, name=}", "6 {id=, name=id}"), reading.rows());
    assertEquals(List.of(), reading.findings());
    assertEquals(2, reading.rowsRead());
  }

  @Test
  void aValueInAColumnTheHeaderDoesNotNameRejectsItsRowAtThatCell() throws Exception {
    Path file = WorkbookFiles.xlsx(dir.resolve("portfolio.xlsx"), List.of("<t>id</t>", "<t>value</t>"),
        WorkbookFiles.Sheet.visible("My data", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>a note</t></is></c><c r="C2"><v>5</v></c></row>
            <row r="3"><c r="A3"><v>2</v></c><c r="C3"><v>6</v></c><c r="E3"><v>7</v></c></row>
            """));

    SheetReading reading = SheetReading.of(file, "samples/portfolio.xlsx", "My data");

    assertEquals(List.of(), reading.rows());
    assertEquals(List.of(
        "samples/portfolio.xlsx!'My data'!B2: error: this cell holds 'a note' but its column has no name in the header row"
            + " (row 1), so the value would be lost; name the column or clear the cell. The row is not published"
            + " [workbook/unnamed-column]",
        "samples/portfolio.xlsx!'My data'!E3: error: this cell holds '7' but its column has no name in the header row"
            + " (row 1), so the value would be lost; name the column or clear the cell. The row is not published"
            + " [workbook/unnamed-column]"), reading.findings());
  }

  @Test
  void aColumnNamedTwiceMakesTheSheetUnusable() throws Exception {
    Path file = WorkbookFiles.xlsx(dir.resolve("twice.xlsx"), List.of("<t>id</t>"),
        WorkbookFiles.Sheet.visible("projects", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>id </t></is></c></row>
            <row r="2"><c r="A2"><v>1</v></c></row>
            """));

    SheetReading reading = SheetReading.of(file, "twice.xlsx", "projects");

    assertEquals(List.of("twice.xlsx!projects!B1: error: the header row names column 'id' twice (also in A1); each column"
        + " needs its own name [workbook/duplicate-column]"), reading.findings());
    assertFalse(reading.complete());
  }

  @Test
  void aWorkbookCountingDatesFrom1904ReadsTheSameDates() throws Exception {
    Path file = WorkbookFiles.zip(dir.resolve("mac.xlsx"), WorkbookFiles.xlsxParts(List.of(WorkbookFiles.Sheet.visible("dates",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>start</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>43829</v></c></row>")), null, null, List.of(0, 14), true));

    assertEquals(List.of("2 {start=2023-12-31}"), SheetReading.of(file, "mac.xlsx", "dates").rows());
  }

  @Test
  void theWorkbookListsItsSheetsWithTheHiddenOnesAndGivesTheVisibleOnesHeaders() throws Exception {
    Path file = WorkbookFiles.xlsx(dir.resolve("book.xlsx"), List.of("<t>iati-identifier</t>", "<t>code</t>"),
        WorkbookFiles.Sheet.visible("activities", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>title/narrative</t></is></c></row>"),
        new WorkbookFiles.Sheet("codes", "hidden", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>"),
        new WorkbookFiles.Sheet("macros", "veryHidden", ""),
        WorkbookFiles.Sheet.visible("empty", ""));

    try (Workbook workbook = Workbook.open(file, "book.xlsx")) {
      assertEquals(List.of(new Workbook.Sheet("activities", false), new Workbook.Sheet("codes", true),
          new Workbook.Sheet("macros", true), new Workbook.Sheet("empty", false)), workbook.sheets());
      Map<String, List<String>> expected = new LinkedHashMap<>();
      expected.put("activities", List.of("iati-identifier", "", "title/narrative"));
      expected.put("empty", List.of());
      assertEquals(expected, workbook.headers());
    }
  }

  @Test
  void anEmptySheetIsReportedWhenItIsRead() throws Exception {
    Path file = WorkbookFiles.xlsx(dir.resolve("book.xlsx"), null, WorkbookFiles.Sheet.visible("projects", "<row r=\"1\"/>"));

    SheetReading reading = SheetReading.of(file, "book.xlsx", "projects");

    assertEquals(List.of("book.xlsx!projects: error: the sheet is empty: it needs a header row naming its columns"
        + " [workbook/empty-sheet]"), reading.findings());
    assertFalse(reading.complete());
  }
}
