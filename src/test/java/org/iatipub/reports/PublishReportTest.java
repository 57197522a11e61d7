package org.iatipub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iatipub.Chromium;
import org.iatipub.cli.Main;
import org.iatipub.publish.OwnForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --report} and {@code --format csv} as a data team reads them: last night both
 * projects were published; tonight's export has a bad amount, so one project is withheld, and the
 * report shows the finding at its cell with the cell's value, the activity withheld and why, and
 * the portfolio beside last night's with the spending lost called out. Read in headless Chromium.
 */
class PublishReportTest {
  @TempDir static Path input;
  @TempDir static Path output;
  @TempDir static Path reports;
  private static String csv;
  private static String official;
  private static Chromium page;

  private static final String TRANSACTIONS = """
      code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
      ET-22-01-NLD,T1,SPEND,2023-06-30,3000,,,,,
      KH-23-02-SWE,T2,SPEND,2023-06-30,1000,,,,,
      """;

  private static String[] args(String... more) {
    List<String> all = new java.util.ArrayList<>(List.of("publish", "--input", input.toString(), "--output", output.toString()));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    return out.toString();
  }

  @BeforeAll
  static void lastNightThenTonight() throws IOException {
    OwnForm.write(input, "transactions.csv", TRANSACTIONS);
    run(args());
    OwnForm.write(input, "transactions.csv", TRANSACTIONS.replace(",3000,", ",\"3,000\","));
    run(args("--report", reports.resolve("report.html").toString()));
    csv = run(args("--format", "csv"));
    official = run(args("--format", "iati-validator", "--flat"));
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  private static Chromium report() throws Exception {
    if (page == null) {
      page = Chromium.open(reports.resolve("report.html"), reports);
    }
    return page;
  }

  @Test
  void theCsvHasEachFindingAtItsCellWithTheCellsValueAndTheActivity() {
    List<String> rows = csv.lines().toList();
    assertEquals(List.of(
        "\uFEFF\"file\",\"sheet\",\"row\",\"column\",\"cell\",\"value\",\"set\",\"activity\",\"severity\",\"rule\",\"message\"",
        "\"" + input.resolve("transactions.csv") + "\",\"\",\"2\",\"amount\",\"" + input.resolve("transactions.csv") + ":2:amount\",\"3,000\",\"" + input + "\",\"XM-DAC-41302-ET-22-01-NLD\",\"error\","
            + "\"mapping/bad-number\",\"'3,000' is not a plain number; write digits with '.' for decimals, without thousands separators,"
            + " spaces or currency signs, e.g. 125000.50\"",
        "\"" + input.resolve("projects.csv") + "\",\"\",\"2\",\"\",\"" + input.resolve("projects.csv") + ":2\",\"\",\"" + input + "\",\"XM-DAC-41302-ET-22-01-NLD\",\"error\","
            + "\"publish/withheld\",\"activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows"
            + " linked to it) are not published\"",
        ""), rows.subList(0, 4));
    assertTrue(rows.get(4).startsWith("\"checked by\",\"iatipub "), rows.get(4));
  }

  @Test
  void theFindingShowsItsCellAndValueAndTheActivityIsListedAsWithheldWithWhy() throws Exception {
    JsonNode seen = report().evaluate("(function(){var f=document.querySelector('.f[data-rule=\"mapping/bad-number\"]');"
        + "return {where:f.querySelector('.where').innerText,record:f.closest('.record').querySelector('summary').innerText,"
        + "withheld:document.querySelector('table.withheld tbody tr').innerText,"
        + "headline:document.querySelector('header p').innerText};})()");
    assertEquals(input.resolve("transactions.csv") + ":2:amount holds 3,000", seen.get("where").asText());
    assertEquals("XM-DAC-41302-ET-22-01-NLD Decent jobs for young women and men in Ethiopia (" + input + ", withheld)",
        seen.get("record").asText());
    assertTrue(seen.get("withheld").asText().contains("'3,000' is not a plain number"), seen.get("withheld").asText());
    assertTrue(seen.get("headline").asText().startsWith("1 activity published, 1 withheld, into "), seen.get("headline").asText());
  }

  @Test
  void thePortfolioIsBesideLastNightsAndTheSpendingLostIsCalledOut() throws Exception {
    JsonNode seen = report().evaluate("(function(){return {headline:document.querySelector('#portfolio .headline').innerText,"
        + "charts:document.querySelectorAll('#portfolio svg').length,"
        + "country:Array.from(document.querySelectorAll('#portfolio svg')[0].querySelectorAll('text')).map(function(t){return t.textContent;}),"
        + "scripts:document.scripts.length};})()");
    assertEquals("Activities published: 1 (last night 2, −50%). Spending (disbursements and expenditure): USD 1000 (last night 4000, −75%).",
        seen.get("headline").asText());
    assertEquals(3, seen.get("charts").asInt(), "country, sector, year");
    assertEquals("[\"KH CambodiaKH Cambodia\",\"1000 · 1 act. (was 1000 · 1)\",\"ET EthiopiaET Ethiopia\",\"0 · 0 act. (was 3000 · 1)\"]",
        seen.get("country").toString(), "each country's label (with its tooltip), tonight beside last night");
    assertEquals(1, seen.get("scripts").asInt(), "the charts are SVG, no script library");
  }

  @Test
  void theOfficialShapeNamesEachFindingsActivityAndCell() throws IOException {
    JsonNode response = new com.fasterxml.jackson.databind.ObjectMapper().readTree(official);
    assertEquals(true, response.get("valid").asBoolean(), "nothing critical: no finding about a file as a whole");
    assertEquals("{\"critical\":0,\"error\":2,\"warning\":0,\"advisory\":0}", response.get("summary").toString());
    List<String> errors = new java.util.ArrayList<>();
    response.get("errors").forEach(e -> errors.add(e.get("identifier").asText() + " | " + e.get("id").asText() + " | "
        + e.get("context").get(0).get("text").asText()));
    assertEquals(List.of(
        "XM-DAC-41302-ET-22-01-NLD | mapping/bad-number | At " + input.resolve("transactions.csv") + ":2:amount, which holds '3,000'",
        "XM-DAC-41302-ET-22-01-NLD | publish/withheld | At " + input.resolve("projects.csv") + ":2"), errors);
    assertEquals("{\"text\":\"At " + input.resolve("transactions.csv") + ":2:amount, which holds '3,000'\",\"file\":\""
        + input.resolve("transactions.csv") + "\",\"row\":2,\"column\":\"amount\",\"value\":\"3,000\"}",
        response.get("errors").get(0).get("context").get(0).toString());
  }

  @Test
  void theReportIsOneFileThatAllowsOnlyItsOwnScript() throws IOException {
    String html = Files.readString(reports.resolve("report.html"));
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlPage.contentSecurityPolicy() + "\">"));
    assertEquals(-1, html.indexOf(" src=\""), "nothing loaded from anywhere");
  }
}
