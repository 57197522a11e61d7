package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from {@code iatipub export}: the files, the findings and the reconciliation, and an exit code to branch on. */
class ExportCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path activities(String value, String currency) throws Exception {
    Path file = dir.resolve("in/activities.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        <iati-activities version="2.03">
          <iati-activity default-currency="%s">
            <iati-identifier>XM-DAC-41302-1</iati-identifier>
            <reporting-org ref="XM-DAC-41302" type="40"/>
            <sector vocabulary="12" code="Development Assistance"/>
            <transaction ref="E1"><transaction-type code="4"/><transaction-date iso-date="2024-05-01"/>
              <value value-date="2024-05-01">%s</value></transaction>
          </iati-activity>
        </iati-activities>
        """.formatted(currency, value));
    return file;
  }

  @Test
  void aCleanExportWritesItsFilesAndTheReconciliationAndExitsWithZero() throws Exception {
    Path in = activities("100", "USD");
    Path out = dir.resolve("out");
    Run run = run("export", "datacube", "--year", "2024", "--entity", "ILO", "--output", out.toString(), in.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("\nexpenses: agree\n"), run.out());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("datacube-2024-expenses-by-function.csv", "datacube-2024-expenses-by-location.csv",
          "datacube-2024-expenses-by-sdg.csv", "datacube-2024-revenue-by-contributor.csv",
          "datacube-2024-revenue-by-financing-instrument.csv", "reconciliation-2024-left-out.csv", "reconciliation-2024.json",
          "reconciliation-2024.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aMissingRateIsAFindingAndTheExitCodeIsOne() throws Exception {
    Path in = activities("100", "EUR");
    Run run = run("export", "datacube", "--year", "2024", "--output", dir.resolve("out").toString(), "--format", "json", in.toString());
    assertEquals(1, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("export/no-rate", json.path("findings").get(0).path("rule").asText());
    assertEquals(false, json.path("reconciliation").path("agrees").asBoolean());
    assertEquals(1, json.path("reconciliation").path("transactions").path("left-out").path("no rate").asInt());
    assertEquals(1, json.path("exit-code").asInt());
  }

  @Test
  void withoutAYearNothingIsWrittenAndTheExitCodeIsTwo() throws Exception {
    Path in = activities("100", "USD");
    Run run = run("export", "crs", "--output", dir.resolve("out").toString(), in.toString());
    assertEquals(2, run.exitCode());
    assertEquals("iatipub export crs: name the calendar year with --year YYYY (or 'year:' in the settings)", run.err().strip());
    assertTrue(Files.notExists(dir.resolve("out")));
  }

  @Test
  void aBadRatesFileIsNamedByItsCellAndNothingIsWritten() throws Exception {
    Path in = activities("100", "USD");
    Path rates = dir.resolve("rates.csv");
    Files.writeString(rates, "currency,period,rate\nEUR,2024,abc\n");
    Run run = run("export", "all", "--year", "2024", "--rates", rates.toString(), "--output", dir.resolve("out").toString(),
        in.toString());
    assertEquals(2, run.exitCode());
    assertEquals("iatipub export all: " + rates + ":2:rate: 'abc' is not a rate; write the units of EUR one US dollar buys,"
        + " a plain number above 0 such as 0.9235", run.err().strip());
  }
}
