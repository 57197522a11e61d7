package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iatipub.SharedIati;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.Publisher;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing the bundled samples, as the README's first command does, writes both exports of the
 * year its export settings name, with every table filled (funds in euros, Swiss francs and yen
 * converted), and they agree with the published transactions, with nothing found wrong.
 */
class SampleExportsTest {
  @TempDir static Path output;
  static ExportStage stage;
  static List<String> findings = new ArrayList<>();

  @BeforeAll
  static void publishSamples() throws Exception {
    Path samples = SharedIati.projectDir().resolve("samples");
    ExportSettings settings = ExportSettings.load(samples.resolve("exports.yaml"));
    stage = new ExportStage(settings, settings.exports(), settings.year(), f -> findings.add(f.toString()));
    Publisher publisher = new Publisher(ActivityBinder.create(), SchemaSet.bundled().activities(),
        Clock.fixed(Instant.parse("2025-07-01T02:00:00Z"), ZoneOffset.UTC)).deriving(stage);
    try (PublishReport report = publisher.publish(new PublishRequest(samples, null, output, ',', null, false),
        (Finding f) -> findings.add(f.toString()))) {
      assertTrue(report.committed());
    }
  }

  @Test
  void theSamplesExportsAgreeWithTheirTransactionsAndNothingIsFoundWrong() {
    assertEquals(List.of(), findings);
    Reconciliation reconciliation = stage.outcome().reconciliation();
    assertTrue(reconciliation.agrees(), reconciliation.text());
    assertEquals(List.of(ExportKind.DATACUBE, ExportKind.CRS), reconciliation.exports());
    // Only the incoming commitments (11) of the year are left out, for their type.
    assertEquals(List.of("other type"), List.copyOf(reconciliation.leftOut().keySet()));
  }

  @Test
  void everyTableHasRowsOfEveryKind() throws Exception {
    assertEquals(List.of("Development Assistance", "Global Agenda and Specialised Assistance", "Humanitarian Assistance"),
        column("expenses-by-function", 2));
    assertTrue(column("expenses-by-location", 3).size() >= 20);
    // targets as sectors with shares, goal 17 alone, and targets as tags (7.2 only comes from green-jobs projects' tags)
    assertTrue(column("expenses-by-sdg", 3).containsAll(List.of("8.7", "8.8", "16.7", "", "7.2")), "SDG rows");
    // R03D is no aid type's: the government's co-financing carries it as iatipub:financing-instrument
    assertEquals(List.of("R03A", "R03D", "R03E"), column("revenue-by-financing-instrument", 2));
    Map<String, String> contributors = Files.readAllLines(output.resolve("datacube-2024-revenue-by-contributor.csv")).stream()
        .skip(1).map(l -> l.split(",")).collect(Collectors.toMap(c -> c[3], c -> c[2]));
    // Funds in euros (the European Commission), Swiss francs and yen, converted at the sample's rates.
    assertEquals("C08A", contributors.get("XI-IATI-EC_INTPA"));
    assertEquals("C01", contributors.get("CH"));
    assertEquals("C01", contributors.get("JP"));
    assertEquals("C04D", contributors.get("XM-DAC-41401"));
    assertEquals("C01", contributors.get("EG"), "a government with no identifier, its country given as iatipub:contributor-country");
    assertTrue(Files.readAllLines(output.resolve("crs-2024.csv")).size() > 50);
  }

  private static List<String> column(String table, int index) throws Exception {
    return Files.readAllLines(output.resolve("datacube-2024-" + table + ".csv")).stream().skip(1)
        .map(l -> l.split(",", -1)[index]).distinct().toList();
  }
}
