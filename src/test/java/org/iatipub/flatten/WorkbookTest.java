package org.iatipub.flatten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook from {@code flatten --format xlsx} holds, sheet by sheet and cell by cell, what the
 * CSV sheets hold: as POI reads it, every cell text (so {@code 01} and {@code 10.50} stay as
 * written), and as a person sees it when LibreOffice Calc opens it (converted headless, each
 * sheet to CSV). LibreOffice is Debian's {@code libreoffice-calc-nogui}, which {@code .ci/run}
 * installs; without it the Calc half skips with a message, and fails under {@code CI=true}.
 */
class WorkbookTest {
  @TempDir Path work;
  private Map<String, List<List<String>>> csv;
  private Path workbook;

  private static final String XML = """
      <iati-activities version="2.03">
        <iati-activity default-currency="EUR">
          <iati-identifier>XM-EX-1</iati-identifier>
          <title><narrative>Routes rurales, « entretien » – phase 1</narrative><narrative xml:lang="zh">农村道路</narrative></title>
          <description><narrative>First line
      second line, "quoted"</narrative></description>
          <activity-status code="02"/>
          <budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value value-date="2024-01-01">10.50</value></budget>
          <transaction><transaction-type code="2"/><value value-date="2024-01-01">1E3</value></transaction>
          <transaction><transaction-type code="3"/><value value-date="2024-02-01">0040</value></transaction>
        </iati-activity>
      </iati-activities>
      """;

  @BeforeEach
  void flattenBothWays() throws Exception {
    Path file = work.resolve("roads.xml");
    Files.writeString(file, XML, StandardCharsets.UTF_8);
    List<Flattener.Result> asCsv = new Flattener(Flattener.Format.CSV).flatten(List.of(file), work.resolve("csv"), f -> fail(f.toString()));
    csv = new LinkedHashMap<>();
    for (String sheet : asCsv.get(0).rows().keySet()) {
      csv.put(sheet, read(asCsv.get(0).target().resolve(sheet + ".csv")));
    }
    workbook = new Flattener(Flattener.Format.XLSX).flatten(List.of(file), work.resolve("xlsx"), f -> fail(f.toString()))
        .get(0).target();
  }

  @Test
  void poiReadsTheSameTextsAsTheCsvSheets() throws Exception {
    Map<String, List<List<String>>> cells = new LinkedHashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
      DataFormatter shown = new DataFormatter();
      for (Sheet sheet : book) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
          List<String> values = new ArrayList<>();
          for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null) {
              assertEquals(CellType.STRING, cell.getCellType(), sheet.getSheetName() + "!" + cell.getAddress());
            }
            values.add(cell == null ? "" : shown.formatCellValue(cell));
          }
          rows.add(values);
        }
        cells.put(sheet.getSheetName(), rows);
      }
    }
    assertEquals(padded(csv), padded(cells));
  }

  @Test
  void calcOpensItAndSeesTheSameCells() throws Exception {
    Path soffice = soffice();
    Path out = Files.createDirectories(work.resolve("calc"));
    // A profile of its own: another Calc running on the machine must not take the conversion over.
    Process calc = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + work.resolve("profile").toUri(),
        "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", out.toString(), workbook.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("calc.log").toFile()).start();
    if (!calc.waitFor(5, TimeUnit.MINUTES)) {
      calc.destroyForcibly();
      fail("LibreOffice did not convert the workbook within 5 minutes");
    }
    assertEquals(0, calc.exitValue(), Files.readString(work.resolve("calc.log")));
    Map<String, List<List<String>>> seen = new LinkedHashMap<>();
    for (String sheet : csv.keySet()) {
      Path converted = out.resolve("roads-" + sheet + ".csv");
      assertTrue(Files.exists(converted), "Calc wrote no " + converted.getFileName() + ": " + Files.readString(work.resolve("calc.log")));
      seen.put(sheet, read(converted));
    }
    assertEquals(padded(csv), padded(seen));
  }

  /** LibreOffice's {@code soffice} on the PATH, or a skip (a failure under CI=true) when there is none. */
  private static Path soffice() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "soffice");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "LibreOffice (soffice) is not installed: install Debian's libreoffice-calc-nogui to check workbooks as Calc opens them";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: failing instead of skipping)");
    }
    abort(message);
    return null;
  }

  private static List<List<String>> read(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
        rows.add(record.toList());
      }
    }
    return rows;
  }

  /** Rows as wide as the sheet's widest: a spreadsheet does not keep empty cells at a row's end. */
  private static Map<String, List<List<String>>> padded(Map<String, List<List<String>>> sheets) {
    Map<String, List<List<String>>> padded = new LinkedHashMap<>();
    sheets.forEach((name, rows) -> {
      int width = rows.stream().mapToInt(List::size).max().orElse(0);
      padded.put(name, rows.stream().map(row -> {
        List<String> wide = new ArrayList<>(row);
        while (wide.size() < width) {
          wide.add("");
        }
        return wide;
      }).toList());
    });
    return padded;
  }

}
