package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.cli.Main;
import org.iatipub.finding.Finding;
import org.iatipub.source.WorkbookFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook is a set, each sheet a file of it: it publishes exactly what the same sheets saved as
 * CSV files publish, in both input forms, and every finding names its cell as a spreadsheet user
 * knows it ({@code portfolio.xlsx!sectors!C3}), in every report format.
 */
class WorkbookInputTest {
  @TempDir Path dir;

  static final String MAIN = """
      iati-identifier,@xml:lang,@default-currency,title/narrative,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,\
      description/narrative,participating-org/@role,participating-org/@ref,activity-status/@code,activity-date/@type,activity-date/@iso-date
      XM-DAC-41302-SSTC-ID-TL,en,USD,Indonesia–Timor-Leste exchange on rural roads,XM-DAC-41302,40,International Labour Organization,\
      Labour-based road maintenance methods,4,XM-DAC-41302,2,2,2023-01-15
      XM-DAC-41302-SSTC-BR-AO,en,USD,Brazil–Angola exchange on social protection,XM-DAC-41302,40,International Labour Organization,\
      Cash transfer registries,4,XM-DAC-41302,2,2,2022-09-01
      """;
  static final String SECTORS = """
      iati-identifier,sector/0/@vocabulary,sector/0/@code,sector/0/@percentage
      XM-DAC-41302-SSTC-ID-TL,1,21020,100
      XM-DAC-41302-SSTC-BR-AO,1,16010,60
      XM-DAC-41302-SSTC-BR-AO,1,16020,40
      """;
  static final String COUNTRIES = """
      iati-identifier,recipient-country/0/@code
      XM-DAC-41302-SSTC-ID-TL,TL
      XM-DAC-41302-SSTC-BR-AO,AO
      """;
  static final String TRANSACTIONS = """
      iati-identifier,transaction/0/transaction-type/@code,transaction/0/transaction-date/@iso-date,transaction/0/value,\
      transaction/0/value/@value-date
      XM-DAC-41302-SSTC-BR-AO,2,2022-10-01,180000.5,2022-10-01
      XM-DAC-41302-SSTC-BR-AO,3,2023-03-15,42000,2023-03-15
      XM-DAC-41302-SSTC-ID-TL,2,2023-02-01,95000,2023-02-01
      """;

  private static Map<String, String> sheets(String sectors) {
    Map<String, String> sheets = new LinkedHashMap<>();
    sheets.put("main", MAIN);
    sheets.put("sectors", sectors);
    sheets.put("countries", COUNTRIES);
    sheets.put("transactions", TRANSACTIONS);
    return sheets;
  }

  private static byte[] published(Path output, String file) throws Exception {
    return Files.readAllBytes(output.resolve(file));
  }

  @Test
  void aWorkbookWithPathHeadersPublishesWhatItsSheetsSavedAsCsvFilesPublish() throws Exception {
    Path csv = dir.resolve("csv/portfolio");
    sheets(SECTORS).forEach((sheet, text) -> {
      try {
        PublishRun.file(csv, sheet + ".csv", text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Path book = WorkbookFiles.typedXlsx(dir.resolve("book/portfolio.xlsx"), sheets(SECTORS));

    PublishRun fromCsv = PublishRun.of(csv, dir.resolve("out-csv"));
    PublishRun fromWorkbook = PublishRun.of(book, dir.resolve("out-book"));

    assertEquals(List.of(), fromCsv.findings());
    assertEquals(List.of(), fromWorkbook.findings());
    assertEquals(List.of("portfolio.xml"), fromWorkbook.outputFiles());
    assertArrayEquals(published(dir.resolve("out-csv"), "portfolio.xml"), published(dir.resolve("out-book"), "portfolio.xml"));
    assertEquals(book + "!transactions", fromWorkbook.tally("!transactions").file());
    assertEquals(new FileTally(book + "!transactions", 3, 3, 0, 0), fromWorkbook.tally("!transactions"));
  }

  @Test
  void aWorkbookWithOwnColumnsPublishesWhatItsSheetsSavedAsCsvFilesPublishWithTheMappingNamingItsSheets() throws Exception {
    Path csv = OwnForm.write(dir.resolve("csv/portfolio"), "transactions.csv", """
        code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
        ET-22-01-NLD,ET-T1,RECEIPT,2022-02-01,1200000,USD,XM-DAC-7,Netherlands,,
        KH-23-02-SWE,KH-T1,SPEND,2023-06-30,35000.25,USD,,,KH-MOL,Ministry of Labour
        """);
    Path bookDir = OwnForm.write(dir.resolve("book"));
    Map<String, String> sheets = new LinkedHashMap<>();
    for (String table : List.of("projects", "participants", "sectors", "countries", "policy-markers", "transactions",
        "budgets", "deliverables")) {
      sheets.put(table.equals("projects") ? "Projects 2025" : table, Files.readString(csv.resolve(table + ".csv")));
    }
    sheets.put("notes", "what,who\nchecked,finance team\n");
    try (var csvFiles = Files.list(bookDir)) {
      for (Path file : csvFiles.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.delete(file);
      }
    }
    PublishRun.file(bookDir, "mapping.yaml", OwnForm.MAPPING.replace("  projects:\n", "  projects:\n    sheet: Projects 2025\n"));
    Path book = WorkbookFiles.typedXlsx(bookDir.resolve("portfolio.xlsx"), sheets);

    PublishRun fromCsv = PublishRun.of(csv, dir.resolve("out-csv"));
    PublishRun fromWorkbook = PublishRun.of(bookDir, dir.resolve("out-book"));

    assertEquals(List.of(), fromCsv.findings());
    assertEquals(List.of(book + "!notes: info: no file of " + bookDir.resolve("mapping.yaml") + " names this sheet"
        + " (files.<file>.sheet), so it is not read [workbook/unread-sheet]"), strings(fromWorkbook.findings()));
    assertArrayEquals(published(dir.resolve("out-csv"), "ilo-portfolio.xml"), published(dir.resolve("out-book"), "ilo-portfolio.xml"));
  }

  @Test
  void aDirectoryOfSetsHoldsWorkbooksBesideCsvFilesEachASetOfItsOwn() throws Exception {
    Path input = dir.resolve("in");
    OwnForm.write(input.resolve("portfolio"));
    WorkbookFiles.typedXlsx(input.resolve("portfolio/sstc.xlsx"), sheets(SECTORS));
    WorkbookFiles.typedXlsx(input.resolve("partners.xlsx"), sheets(SECTORS.replace("SSTC", "PARTNERS"))
        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            e -> e.getValue().replace("SSTC", "PARTNERS"), (a, b) -> a, LinkedHashMap::new)));

    PublishRun run = PublishRun.of(input, dir.resolve("out"));

    assertEquals(List.of(), run.findings());
    assertEquals(List.of("ilo-portfolio.xml", "partners.xml", "sstc.xml"), run.outputFiles());
  }

  @Test
  void aHiddenSheetIsNotReadAndIsToldOnce() throws Exception {
    Map<String, String> sheets = sheets(SECTORS);
    sheets.put("codes", "sector,name\n21020,Road transport\n16010,Social protection\n");
    Path book = WorkbookFiles.typedXlsx(dir.resolve("portfolio.xlsx"), sheets, "codes");

    PublishRun run = PublishRun.of(book, dir.resolve("out"));

    assertEquals(List.of(book + "!codes: info: the sheet is hidden, so it is not read: a hidden sheet is taken for the"
        + " workbook's own workings (lists of codes, notes); unhide it to publish its rows [workbook/hidden-sheet]"),
        strings(run.findings()));
    assertEquals(2, run.report().sets().get(0).published());
  }

  @Test
  void findingsNameTheSheetAndCellInEveryReportFormat() throws Exception {
    Path book = WorkbookFiles.typedXlsx(dir.resolve("in/portfolio.xlsx"), sheets(SECTORS.replace("16020,40", "99999,40")));
    Path html = dir.resolve("report.html");

    String text = cli("--input", book.toString(), "--output", dir.resolve("out").toString(), "--report", html.toString());
    String json = cli("--input", book.toString(), "--output", dir.resolve("out").toString(), "--format", "json");
    String csv = cli("--input", book.toString(), "--output", dir.resolve("out").toString(), "--format", "csv");
    String official = cli("--input", book.toString(), "--output", dir.resolve("out").toString(), "--format", "iati-validator", "--flat");

    List<String> printed = text.lines().filter(line -> line.contains(": error: ")).map(line -> line.split(": error: ")[0]).toList();
    List<String> reported = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(json).path("findings")) {
      reported.add(finding.path("location").asText());
    }
    // The code's check points at the cell that made its sector element, the first of the sector's columns.
    List<String> expected = List.of(book + "!sectors!B4", book + "!main!3:3");
    assertEquals(expected, printed);
    assertEquals(expected, reported);
    assertEquals('\uFEFF', csv.charAt(0), "a byte-order mark, for spreadsheets to read it as UTF-8");
    List<List<String>> rows = new ArrayList<>();
    for (org.apache.commons.csv.CSVRecord row : org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(csv.substring(1)))) {
      if (row.size() > 9 && rows.size() < 3) {
        rows.add(List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(9)));
      }
    }
    assertEquals(List.of(
        List.of("file", "sheet", "row", "column", "cell", "value", "rule"),
        List.of(book.toString(), "sectors", "4", "sector/0/@vocabulary", book + "!sectors!B4", "1", "9.76.1"),
        List.of(book.toString(), "main", "3", "", book + "!main!3:3", "", "publish/withheld")), rows,
        "the CSV gives the file, sheet, row, column name, the cell as a spreadsheet names it, and its value");
    List<String> contexts = new ArrayList<>();
    for (JsonNode error : new ObjectMapper().readTree(official).path("errors")) {
      contexts.add(error.path("context").get(0).toString());
    }
    assertEquals(List.of(
        "{\"text\":\"At " + book + "!sectors!B4, which holds '1'\",\"file\":\"" + book + "\",\"sheet\":\"sectors\",\"row\":4,"
            + "\"column\":\"sector/0/@vocabulary\",\"value\":\"1\"}",
        "{\"text\":\"At " + book + "!main!3:3\",\"file\":\"" + book + "\",\"sheet\":\"main\",\"row\":3}"), contexts,
        "the official shape's context names the cell and gives its parts");
    String report = Files.readString(html);
    for (String cell : expected) {
      assertEquals(true, report.contains("<code>" + cell + "</code>"), "the HTML report shows " + cell);
    }
  }

  @Test
  void aSetWhoseSheetCannotBeReadToItsEndPublishesNothingAndTheOtherSetsPublish() throws Exception {
    Path input = dir.resolve("in");
    WorkbookFiles.typedXlsx(input.resolve("good.xlsx"), sheets(SECTORS));
    Path bad = WorkbookFiles.typedXlsx(input.resolve("bad.xlsx"), sheets(SECTORS.replace("21020", "=1/0")));
    String cut = damageSheet(bad, "xl/worksheets/sheet4.xml");
    String end = "line " + cut.lines().count() + ", column " + (cut.lines().reduce((a, b) -> b).orElseThrow().length() + 1);

    PublishRun run = PublishRun.of(input, dir.resolve("out"));

    assertEquals(List.of(
        bad + "!transactions: error: the part xl/worksheets/sheet4.xml of the workbook is not well-formed XML (" + end
            + ": XML document structures must start and end within the same entity.); the workbook is damaged,"
            + " and nothing after it was read [workbook/not-well-formed]",
        bad + "!transactions: error: this file could not be read to its end, so no activity of " + bad
            + " is published: any of them could be missing rows [publish/set-incomplete]"), strings(run.findings()));
    assertEquals(List.of("good.xml"), run.outputFiles());
    run.assertEveryRowAccountedFor();
  }

  @Test
  void everyProblemWithTheWorkbooksOfARunIsToldBeforeAnythingIsPublished() throws Exception {
    Path input = dir.resolve("in");
    Map<String, String> noIds = sheets(SECTORS);
    noIds.put("notes", "what\nchecked\n");
    WorkbookFiles.typedXlsx(input.resolve("notes.xlsx"), noIds);
    Files.writeString(input.resolve("renamed.xlsx"), "iati-identifier\nXM-DAC-41302-1\n");
    Map<String, String> own = new LinkedHashMap<>();
    own.put("projects", OwnForm.PROJECTS);
    own.put("participants", OwnForm.PARTICIPANTS);
    OwnForm.write(input.resolve("own"), "sectors.csv", "code,theme,share\n");
    try (var csvFiles = Files.list(input.resolve("own"))) {
      for (Path file : csvFiles.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.delete(file);
      }
    }
    WorkbookFiles.typedXlsx(input.resolve("own/portfolio.xlsx"), own, "participants");
    PublishRun.file(input.resolve("notes"), "main.csv", MAIN);

    CannotPublish problems = assertThrows(CannotPublish.class, () -> PublishRun.of(input, dir.resolve("out")));

    Path mapping = input.resolve("own/mapping.yaml");
    assertEquals(List.of(
        input.resolve("notes.xlsx") + "!notes: has no 'iati-identifier' column; in the path-header form every sheet names the"
            + " activity its rows belong to (hide a sheet that is not data)",
        input.resolve("renamed.xlsx") + ": not an .xlsx workbook that can be read (the file is no zip file, as an .xlsx"
            + " workbook is)",
        input.resolve("own/portfolio.xlsx") + ": no visible sheet 'participants' (named in " + mapping + " under"
            + " files.participants; it is hidden, and hidden sheets are not read); its sheets: projects",
        input.resolve("own/portfolio.xlsx") + ": no sheet 'sectors' (named in " + mapping + " under files.sectors); its"
            + " sheets: projects",
        input.resolve("own/portfolio.xlsx") + ": no sheet 'countries' (named in " + mapping + " under files.countries); its"
            + " sheets: projects",
        input.resolve("own/portfolio.xlsx") + ": no sheet 'policy-markers' (named in " + mapping + " under"
            + " files.policy-markers); its sheets: projects",
        input.resolve("own/portfolio.xlsx") + ": no sheet 'transactions' (named in " + mapping + " under"
            + " files.transactions); its sheets: projects",
        input.resolve("own/portfolio.xlsx") + ": no sheet 'budgets' (named in " + mapping + " under files.budgets); its"
            + " sheets: projects",
        input.resolve("own/portfolio.xlsx") + ": no sheet 'deliverables' (named in " + mapping + " under"
            + " files.deliverables); its sheets: projects",
        input.resolve("notes") + ": has the same name as " + input.resolve("notes.xlsx") + ", so both would publish"
            + " notes.xml; rename one"),
        problems.problems());
  }

  private static List<String> strings(List<Finding> findings) {
    return findings.stream().map(Finding::toString).toList();
  }

  private String cli(String... args) {
    StringWriter out = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "publish";
    System.arraycopy(args, 0, all, 1, args.length);
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), all);
    return out.toString();
  }

  /**
   * Cuts one part of a workbook short after its second row, keeping the zip sound: the header can
   * still be read. Returns what is left of the part.
   */
  private static String damageSheet(Path workbook, String part) throws Exception {
    String cut = null;
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (var zip = new java.util.zip.ZipFile(workbook.toFile())) {
      for (var entry : java.util.Collections.list(zip.entries())) {
        String text = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (entry.getName().equals(part)) {
          text = text.substring(0, text.indexOf("</row>", text.indexOf("</row>") + 1) + "</row>".length());
          cut = text;
        }
        parts.put(entry.getName(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    WorkbookFiles.zipBytes(workbook, parts);
    return cut;
  }
}
