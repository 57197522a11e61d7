package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.Publisher;
import org.iatipub.publish.dataset.Manifest;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publish writes the exports into the same edition as the files they are made from: listed in the
 * manifest with their SHA-256, made from what was published (a withheld activity is in no export),
 * and left untouched by a run that changes nothing.
 */
class PublishedExportsTest {
  @TempDir Path input;
  @TempDir Path output;

  private static final String MAIN = """
      iati-identifier,@xml:lang,@default-currency,title/narrative,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,description/narrative,participating-org/@role,participating-org/@ref,activity-status/@code,activity-date/@type,activity-date/@iso-date,recipient-country/@code,sector/0/@vocabulary,sector/0/@code,sector/1/@vocabulary,sector/1/@code
      XM-DAC-41302-A1,en,USD,Decent jobs,XM-DAC-41302,40,ILO,Jobs for youth,4,XM-DAC-41302,2,2,2024-01-01,KE,1,16020,12,Development Assistance
      XM-DAC-41302-A2,en,USD,Safe work,XM-DAC-41302,40,ILO,Safety,4,XM-DAC-41302,2,2,2024-01-01,UG,1,16070,12,Development Assistance
      """;
  private static final String TRANSACTIONS = """
      iati-identifier,transaction/0/transaction-type/@code,transaction/0/transaction-date/@iso-date,transaction/0/value,transaction/0/value/@value-date
      XM-DAC-41302-A1,4,2024-03-31,1200.50,2024-03-31
      XM-DAC-41302-A2,4,2024-03-31,300,2024-03-31
      XM-DAC-41302-A2,4,2099-03-31,1,2099-03-31
      """;

  private PublishReport publish(Instant at, List<String> findings, ExportStage stage) throws Exception {
    Publisher publisher = new Publisher(ActivityBinder.create(), SchemaSet.bundled().activities(),
        Clock.fixed(at, ZoneOffset.UTC)).deriving(stage);
    return publisher.publish(new PublishRequest(input, null, output, ',', null, false), (Finding f) -> findings.add(f.toString()));
  }

  private static ExportStage stage(List<String> findings) {
    return new ExportStage(new ExportSettings(List.of(), null, "ILO", Rates.none(), Map.of(), ExportSettings.Crs.NONE),
        List.of(ExportKind.DATACUBE), 2024, f -> findings.add(f.toString()));
  }

  @Test
  void theExportsAreMadeFromThePublishedFilesAndListedInTheManifest() throws Exception {
    Files.writeString(input.resolve("main.csv"), MAIN);
    Files.writeString(input.resolve("transactions.csv"), TRANSACTIONS);
    List<String> findings = new ArrayList<>();
    ExportStage stage = stage(findings);
    try (PublishReport report = publish(Instant.parse("2025-01-01T00:00:00Z"), findings, stage)) {
      // A2 has a transaction dated in the future (IATI rule 11.2.2): it is withheld, so it is in no export.
      assertEquals(1, report.sets().get(0).withheld());
      assertEquals("""
          calendar_year,entity,un_system_function,amount_usd
          2024,ILO,Development Assistance,1200.50
          """, Files.readString(output.resolve("datacube-2024-expenses-by-function.csv")));
      assertTrue(stage.outcome().reconciliation().agrees(), stage.outcome().reconciliation().text());
      for (String name : stage.outcome().files()) {
        Manifest.Entry entry = report.manifest().file(name).orElseThrow(() -> new AssertionError(name + " is not in the manifest"));
        assertEquals("exports", entry.set());
        assertEquals(sha256(output.resolve(name)), entry.sha256(), name);
        assertEquals(Files.size(output.resolve(name)), entry.size(), name);
      }
    }
  }

  @Test
  void aRunThatChangesNothingLeavesTheExportsAsTheyWere() throws Exception {
    Files.writeString(input.resolve("main.csv"), MAIN);
    Files.writeString(input.resolve("transactions.csv"), TRANSACTIONS.replace("2099", "2024"));
    List<String> findings = new ArrayList<>();
    Manifest first;
    try (PublishReport report = publish(Instant.parse("2025-01-01T00:00:00Z"), findings, stage(findings))) {
      first = report.manifest();
    }
    Path table = output.resolve("datacube-2024-expenses-by-location.csv");
    Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
    try (PublishReport report = publish(Instant.parse("2025-01-02T00:00:00Z"), findings, stage(findings))) {
      assertEquals(first, report.manifest());
    }
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), Files.getLastModifiedTime(table).toInstant());
    assertEquals("""
        calendar_year,entity,location_type,location_code,location_name,amount_usd
        2024,ILO,country,KE,Kenya,1200.50
        2024,ILO,country,UG,Uganda,301.00
        """, Files.readString(table));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
