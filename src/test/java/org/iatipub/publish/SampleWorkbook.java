package org.iatipub.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code samples/ilo-eiip.xlsx}, the bundled workbook: projects of the ILO's
 * Employment-Intensive Investment Programme in the path-header form, one sheet per list, kept as a
 * person keeps such a workbook in Excel: dates typed as dates (shown dd/mm/yyyy), amounts and codes
 * as numbers, value dates as formulas on the transaction or budget start date, a frozen header
 * row. The same run always writes the same bytes (fixed document and zip entry times), so the
 * committed file changes only when this class does; {@code SampleWorkbookTest} checks they agree.
 *
 * <p>Run: {@code java -cp target/test-classes:target/iatipub.jar org.iatipub.publish.SampleWorkbook samples/ilo-eiip.xlsx}
 */
public final class SampleWorkbook {
  /** When the sample was made: its documents' and zip entries' time, so that its bytes do not change run to run. */
  private static final String MADE = "2025-07-01T00:00:00Z";
  private static final long MADE_MILLIS = java.time.Instant.parse(MADE).toEpochMilli();
  private static final String ILO = "XM-DAC-41302";

  static final List<String> ACTIVITY_HEADER = List.of(
      "iati-identifier", "@xml:lang", "@default-currency",
      "title/narrative/0", "title/narrative/1/@xml:lang", "title/narrative/1",
      "description/0/@type", "description/0/narrative",
      "activity-date/0/@type", "activity-date/0/@iso-date", "activity-date/1/@type", "activity-date/1/@iso-date",
      "reporting-org/@ref", "reporting-org/@type", "reporting-org/narrative",
      "participating-org/0/@role", "participating-org/0/@type", "participating-org/0/@ref", "participating-org/0/narrative",
      "participating-org/1/@role", "participating-org/1/@type", "participating-org/1/@ref", "participating-org/1/narrative",
      "participating-org/1/@crs-channel-code",
      "activity-status/@code", "recipient-country/0/@code", "recipient-country/0/@percentage",
      "sector/0/@vocabulary", "sector/0/@code", "sector/0/@percentage",
      "sector/1/@vocabulary", "sector/1/@code", "sector/1/@percentage",
      "sector/2/@vocabulary", "sector/2/@code", "sector/2/@percentage",
      "collaboration-type/@code", "default-flow-type/@code", "default-finance-type/@code",
      "default-aid-type/@vocabulary", "default-aid-type/@code", "default-tied-status/@code");

  /** One project: its row of the activities sheet (dates as LocalDate, numbers as Number), then its transactions and budgets. */
  private record Project(List<Object> row, List<List<Object>> transactions, List<List<Object>> budgets) {}

  private static List<Object> activity(String id, String title, String titleFr, String description, LocalDate start,
      LocalDate end, String[] donor, String country, Object... sectors) {
    List<Object> row = new java.util.ArrayList<>(List.of(
        "XM-DAC-41302-EIIP-" + id, "en", "USD", title, "fr", titleFr, 1, description, 2, start, 3, end,
        ILO, 40, "International Labour Organization",
        1, 10, donor[0], donor[1], 4, 40, ILO, "International Labour Organization", 41302,
        2, country, 100));
    for (int i = 0; i < 2; i++) {
      boolean given = i * 2 < sectors.length;
      row.add(given ? 1 : "");
      row.add(given ? sectors[i * 2] : "");
      row.add(given ? sectors[i * 2 + 1] : "");
    }
    // The UN system function the UN Data Cube reports expenses by (sector vocabulary 12).
    row.addAll(List.of(12, "Development Assistance", 100));
    row.addAll(List.of(1, 10, 110, 1, "C01", 5));
    return row;
  }

  private static final String[] NETHERLANDS = {"XM-DAC-7", "Ministry of Foreign Affairs of the Netherlands"};
  private static final String[] GERMANY = {"XM-DAC-5-7", "Federal Ministry for Economic Cooperation and Development"};
  private static final String[] EUROPEAN_UNION = {"XI-IATI-EC_INTPA", "European Commission - International Partnerships"};

  private static final List<Project> PROJECTS = List.of(
      new Project(activity("NP-RRM", "Rural road maintenance through local employment in Nepal",
              "Entretien des routes rurales par l'emploi local au Népal",
              "Municipalities contract local workers, half of them women, to maintain rural roads by labour-based methods.",
              LocalDate.of(2023, 4, 1), LocalDate.of(2026, 12, 31), NETHERLANDS, "NP", 21020, 60, 16020, 40),
          List.of(
              List.of("NP-RRM-IF1", 1, LocalDate.of(2023, 3, 20), 1_450_000, NETHERLANDS[0], NETHERLANDS[1]),
              List.of("NP-RRM-E1", 4, LocalDate.of(2023, 12, 31), 312_480.5, ILO, "International Labour Organization"),
              List.of("NP-RRM-E2", 4, LocalDate.of(2024, 12, 31), 498_215.25, ILO, "International Labour Organization")),
          List.of(
              List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 520_000),
              List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 480_000))),
      new Project(activity("LB-PWP", "Public works for Lebanese and Syrian workers in Lebanon",
              "Travaux publics pour les travailleurs libanais et syriens au Liban",
              "Short-term jobs in municipal infrastructure and waste management, with decent working conditions.",
              LocalDate.of(2022, 1, 15), LocalDate.of(2025, 12, 31), GERMANY, "LB", 16020, 70, 14050, 30),
          List.of(
              List.of("LB-PWP-IF1", 1, LocalDate.of(2022, 1, 10), 2_800_000, GERMANY[0], GERMANY[1]),
              List.of("LB-PWP-E1", 4, LocalDate.of(2022, 12, 31), 905_300, ILO, "International Labour Organization"),
              List.of("LB-PWP-E2", 4, LocalDate.of(2023, 12, 31), 1_102_640.75, ILO, "International Labour Organization"),
              List.of("LB-PWP-E3", 4, LocalDate.of(2024, 12, 31), 611_018.4, ILO, "International Labour Organization")),
          List.of(
              List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 650_000),
              List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 240_000))),
      new Project(activity("TL-ROADS", "Labour-based rehabilitation of rural roads in Timor-Leste",
              "Réhabilitation des routes rurales à haute intensité de main-d'œuvre au Timor-Leste",
              "Local contractors are trained to rehabilitate and maintain rural roads with labour-based methods.",
              LocalDate.of(2021, 7, 1), LocalDate.of(2025, 6, 30), EUROPEAN_UNION, "TL", 21020, 100),
          List.of(
              List.of("TL-ROADS-IF1", 1, LocalDate.of(2021, 6, 15), 3_200_000, EUROPEAN_UNION[0], EUROPEAN_UNION[1]),
              List.of("TL-ROADS-E1", 4, LocalDate.of(2022, 6, 30), 1_010_000, ILO, "International Labour Organization"),
              List.of("TL-ROADS-E2", 4, LocalDate.of(2023, 6, 30), 1_240_512.6, ILO, "International Labour Organization")),
          List.of(
              List.of(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30), 760_000),
              List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30), 420_000))),
      new Project(activity("UG-GREEN", "Green works: climate-resilient infrastructure and jobs in Uganda",
              "Travaux verts : infrastructures résilientes au climat et emplois en Ouganda",
              "Communities build water harvesting and flood protection works, paid at decent wages.",
              LocalDate.of(2024, 2, 1), LocalDate.of(2027, 1, 31), NETHERLANDS, "UG", 31140, 50, 16020, 50),
          List.of(
              List.of("UG-GREEN-IF1", 1, LocalDate.of(2024, 1, 25), 1_900_000, NETHERLANDS[0], NETHERLANDS[1]),
              List.of("UG-GREEN-E1", 4, LocalDate.of(2024, 12, 31), 287_940.35, ILO, "International Labour Organization")),
          List.of(
              List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 640_000))));

  private SampleWorkbook() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SampleWorkbook FILE.xlsx");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  /** Writes the sample workbook to {@code file}. */
  public static void write(Path file) throws IOException {
    write(file, true);
  }

  /**
   * Writes the sample workbook; {@code calculated} false leaves its formulas without the value
   * Excel stores beside them, as a program that writes workbooks without calculating them does.
   */
  static void write(Path file, boolean calculated) throws IOException {
    ByteArrayOutputStream made = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(java.time.Instant.parse(MADE))));
      workbook.getProperties().getCoreProperties().setCreator("iatipub");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);

      XSSFSheet activities = sheet(workbook, "activities", ACTIVITY_HEADER, bold);
      XSSFSheet transactions = sheet(workbook, "transactions", List.of("iati-identifier", "transaction/0/@ref",
          "transaction/0/transaction-type/@code", "transaction/0/transaction-date/@iso-date", "transaction/0/value",
          "transaction/0/value/@value-date", "transaction/0/provider-org/@ref", "transaction/0/provider-org/narrative"), bold);
      XSSFSheet budgets = sheet(workbook, "budgets", List.of("iati-identifier", "budget/0/@type", "budget/0/@status",
          "budget/0/period-start/@iso-date", "budget/0/period-end/@iso-date", "budget/0/value", "budget/0/value/@value-date"), bold);
      for (Project project : PROJECTS) {
        Object id = project.row().get(0);
        row(activities, project.row(), date, money);
        for (List<Object> transaction : project.transactions()) {
          Row row = row(transactions, List.of(id, transaction.get(0), transaction.get(1), transaction.get(2),
              transaction.get(3), "", transaction.get(4), transaction.get(5)), date, money);
          // The value date is the transaction's date, as a person would keep it: a formula on that cell.
          row.getCell(5).setCellFormula("D" + (row.getRowNum() + 1));
          row.getCell(5).setCellStyle(date);
        }
        for (List<Object> budget : project.budgets()) {
          Row row = row(budgets, List.of(id, 1, 2, budget.get(0), budget.get(1), budget.get(2), ""), date, money);
          row.getCell(6).setCellFormula("D" + (row.getRowNum() + 1));
          row.getCell(6).setCellStyle(date);
        }
      }
      // Formulas keep the value last calculated beside them, as Excel saves them: the workbook is read by it.
      if (calculated) {
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      }
      workbook.write(made);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(withFixedTimes(made.toByteArray()));
    }
  }

  private static XSSFSheet sheet(XSSFWorkbook workbook, String name, List<String> header, CellStyle bold) {
    XSSFSheet sheet = workbook.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < header.size(); i++) {
      row.createCell(i).setCellValue(header.get(i));
      row.getCell(i).setCellStyle(bold);
    }
    sheet.createFreezePane(1, 1);
    return sheet;
  }

  private static Row row(XSSFSheet sheet, List<Object> values, CellStyle date, CellStyle money) {
    Row row = sheet.createRow(sheet.getLastRowNum() + 1);
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      var cell = row.createCell(i);
      if (value instanceof LocalDate day) {
        cell.setCellValue(day);
        cell.setCellStyle(date);
      } else if (value instanceof Double amount) {
        cell.setCellValue(amount);
        cell.setCellStyle(money);
      } else if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (!value.toString().isEmpty()) {
        cell.setCellValue(value.toString());
      }
    }
    return row;
  }

  /** The zip again with every entry dated {@link #MADE}: POI dates them when written. */
  private static byte[] withFixedTimes(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream again = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ZipEntry fixed = new ZipEntry(entry.getName());
        fixed.setTime(MADE_MILLIS);
        again.putNextEntry(fixed);
        in.transferTo(again);
        again.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
