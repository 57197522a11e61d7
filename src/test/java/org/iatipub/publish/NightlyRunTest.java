package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.TreeMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.iatipub.SharedIati;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.dataset.ChangeReport;
import org.iatipub.publish.dataset.Layout;
import org.iatipub.publish.dataset.Manifest;
import org.iatipub.publish.dataset.PortfolioSummary;
import org.iatipub.publish.dataset.SplitRule;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a nightly cron job relies on: a night with the same input changes nothing; a changed row
 * changes exactly its activity (content and last-updated-datetime) and the change report says so;
 * files are split as asked, each complete and valid, and the manifest describes them exactly.
 */
class NightlyRunTest {
  private static final ActivityBinder BINDER = ActivityBinder.create();
  private static final Clock MONDAY = Clock.fixed(Instant.parse("2025-07-07T02:00:00Z"), ZoneOffset.UTC);
  private static final Clock TUESDAY = Clock.fixed(Instant.parse("2025-07-08T02:00:00Z"), ZoneOffset.UTC);
  private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2025-07-09T02:00:00Z"), ZoneOffset.UTC);

  @TempDir Path input;
  @TempDir Path output;
  /** The reports of the test's runs: each keeps its change lists in a scratch directory until closed. */
  private final List<PublishReport> reports = new ArrayList<>();

  @AfterEach
  void closeReports() {
    reports.forEach(PublishReport::close);
  }

  private PublishReport run(Clock clock, PublishRequest request) throws Exception {
    List<Finding> findings = new ArrayList<>();
    PublishReport report = new Publisher(BINDER, SchemaSet.bundled().activities(), clock).publish(request, findings::add);
    reports.add(report);
    for (SetOutcome set : report.sets()) {
      set.files().forEach(tally -> assertTrue(tally.balanced(), tally + " does not add up"));
    }
    return report;
  }

  private PublishReport run(Clock clock) throws Exception {
    return run(clock, new PublishRequest(input, null, output, ',', null, false));
  }

  private Map<String, byte[]> files() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : PublishRun.allFilesIn(output)) {
      if (Files.isRegularFile(output.resolve(name))) {
        files.put(name, Files.readAllBytes(output.resolve(name)));
      }
    }
    return files;
  }

  /** Identifier to last-updated-datetime of every activity of {@code file}. */
  private Map<String, String> stamps(String file) throws Exception {
    NodeList activities = (NodeList) XPathFactory.newInstance().newXPath().evaluate("//iati-activity",
        PublishRun.parse(Files.readString(output.resolve(file))), XPathConstants.NODESET);
    Map<String, String> stamps = new TreeMap<>();
    for (int i = 0; i < activities.getLength(); i++) {
      Element activity = (Element) activities.item(i);
      stamps.put(activity.getElementsByTagName("iati-identifier").item(0).getTextContent(),
          activity.getAttribute("last-updated-datetime"));
    }
    return stamps;
  }

  @Test
  void theSameInputTwiceChangesNothingAtAll() throws Exception {
    OwnForm.write(input);
    PublishReport monday = run(MONDAY);
    Map<String, byte[]> before = files();
    PublishReport tuesday = run(TUESDAY);

    assertEquals(2, monday.changes().added().size());
    assertTrue(tuesday.changes().nothingChanged(), tuesday.changes().toString());
    assertEquals(2, tuesday.changes().unchanged());
    Map<String, byte[]> after = files();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(name)), name + " changed"));
    String file = "ilo-" + input.getFileName() + ".xml";
    assertEquals(Map.of("XM-DAC-41302-ET-22-01-NLD", "2025-07-07T02:00:00Z", "XM-DAC-41302-KH-23-02-SWE", "2025-07-07T02:00:00Z"),
        stamps(file));
  }

  @Test
  void aChangedRowChangesExactlyItsActivity() throws Exception {
    OwnForm.write(input);
    run(MONDAY);
    String file = "ilo-" + input.getFileName() + ".xml";
    String mondayXml = Files.readString(output.resolve(file));
    Files.writeString(input.resolve("projects.csv"), OwnForm.PROJECTS.replace("2026-03-31", "2026-06-30"));
    PublishReport tuesday = run(TUESDAY);

    assertEquals(List.of(new ChangeReport.Change(input.getFileName().toString(), "XM-DAC-41302-KH-23-02-SWE", file)),
        tuesday.changes().changed());
    assertEquals(List.of(), tuesday.changes().added());
    assertEquals(List.of(), tuesday.changes().removed());
    assertEquals(1, tuesday.changes().unchanged());
    assertEquals(Map.of("XM-DAC-41302-ET-22-01-NLD", "2025-07-07T02:00:00Z", "XM-DAC-41302-KH-23-02-SWE", "2025-07-08T02:00:00Z"),
        stamps(file));
    String tuesdayXml = Files.readString(output.resolve(file));
    assertEquals(activity(mondayXml, 0), activity(tuesdayXml, 0), "the unchanged activity is byte-identical");
    assertNotEquals(activity(mondayXml, 1), activity(tuesdayXml, 1));
    assertTrue(tuesdayXml.contains("generated-datetime=\"2025-07-08T02:00:00Z\""));

    // A night that withholds one activity: it is reported, the other stays as it was.
    Files.writeString(input.resolve("projects.csv"),
        OwnForm.PROJECTS.replace("2026-03-31", "2026-06-30").replace("2022-01-01", "01/01/2022"));
    PublishReport wednesday = run(WEDNESDAY);
    assertEquals(List.of("XM-DAC-41302-ET-22-01-NLD"),
        wednesday.changes().withheld().stream().map(ChangeReport.Change::identifier).toList(), wednesday.toString());
    assertTrue(wednesday.changes().added().isEmpty() && wednesday.changes().changed().isEmpty()
        && wednesday.changes().removed().isEmpty(), wednesday.changes().toString());
    assertEquals(Map.of("XM-DAC-41302-KH-23-02-SWE", "2025-07-08T02:00:00Z"), stamps(file));

    // It comes back with Monday's content (so Monday's timestamp); the other leaves the input.
    Files.writeString(input.resolve("projects.csv"), OwnForm.PROJECTS.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
    Files.writeString(input.resolve("participants.csv"), OwnForm.PARTICIPANTS.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));
    PublishReport thursday = run(Clock.fixed(Instant.parse("2025-07-10T02:00:00Z"), ZoneOffset.UTC));
    assertEquals(List.of("XM-DAC-41302-ET-22-01-NLD"), thursday.changes().added().stream().map(ChangeReport.Change::identifier).toList());
    assertEquals(List.of("XM-DAC-41302-KH-23-02-SWE"), thursday.changes().removed().stream().map(ChangeReport.Change::identifier).toList());
    assertEquals(Map.of("XM-DAC-41302-ET-22-01-NLD", "2025-07-07T02:00:00Z"), stamps(file));
  }

  @Test
  void anExplicitLastUpdatedDatetimeIsKept() throws Exception {
    Path sstc = SharedIati.projectDir().resolve("samples/ilo-sstc");
    Map<String, String> given = new TreeMap<>();
    for (var row : org.iatipub.source.CsvTable.read(sstc.resolve("main.csv"), "main.csv", ',').rows()) {
      given.put(row.get("iati-identifier"), row.get("@last-updated-datetime"));
    }
    run(MONDAY, new PublishRequest(sstc, null, output, ',', null, false));

    assertFalse(given.containsValue(""), "the sample gives every activity its timestamp");
    assertEquals(given, stamps("ilo-sstc.xml"));
  }

  private static String activity(String xml, int index) {
    String[] parts = xml.split("(?=<iati-activity[ >])");
    return parts[index + 1].replaceAll("</iati-activities>\\s*$", "");
  }

  @Test
  void splitFilesAreCompleteValidAndListedInTheManifest() throws Exception {
    Path portfolio = SharedIati.projectDir().resolve("samples/portfolio");
    PublishRequest byCountry = new PublishRequest(portfolio, null, output, ',', null, false,
        new Layout(SplitRule.COUNTRY, 12_000), null);
    PublishReport report = run(MONDAY, byCountry);

    List<String> names = PublishRun.outputFilesIn(output);
    assertTrue(names.contains("ilo-portfolio-et.xml"), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.matches("ilo-portfolio-[a-z0-9]+-2\\.xml")), "some country needs a size split: " + names);
    var validator = SchemaSet.bundled().activities().newValidator();
    int activities = 0;
    for (String name : names) {
      validator.validate(new StreamSource(output.resolve(name).toFile()));
      byte[] bytes = Files.readAllBytes(output.resolve(name));
      Manifest.Entry entry = report.manifest().file(name).orElseThrow(() -> new AssertionError(name + " not in the manifest"));
      assertEquals(bytes.length, entry.size(), name);
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), entry.sha256(), name);
      int count = stamps(name).size();
      assertEquals(count, entry.activities(), name);
      assertTrue(bytes.length <= 12_000 || count == 1, name + " is over the maximum size");
      assertEquals("2.03", entry.iatiVersion());
      assertEquals("2025-07-07T02:00:00Z", entry.generatedDatetime());
      activities += count;
    }
    assertEquals(report.sets().get(0).published(), activities);
    assertEquals(names, report.manifest().files().stream().filter(e -> !e.kind().equals(PortfolioSummary.KIND)).map(Manifest.Entry::name).toList());
    assertEquals(List.of(PortfolioSummary.FILE + " " + PortfolioSummary.KIND), report.manifest().files().stream()
        .filter(e -> !e.name().endsWith(".xml")).map(e -> e.name() + " " + e.kind()).toList(), "and the portfolio's summary, as such");
    assertTrue(Files.readString(output.resolve(Manifest.FILE)).contains("\"sha256\""));

    // Back to one file: the split files are removed, the manifest lists the one file.
    run(TUESDAY, new PublishRequest(portfolio, null, output, ',', null, false));
    assertEquals(List.of("ilo-portfolio.xml"), PublishRun.outputFilesIn(output));
  }

  @Test
  void theOrganisationFileIsValidAndInTheManifest() throws Exception {
    OwnForm.write(input);
    PublishRun.file(input, "organisation.csv", Files.readString(SharedIati.projectDir().resolve("samples/organisation.csv")));
    PublishReport report = run(MONDAY);

    SetOutcome organisation = report.sets().get(report.sets().size() - 1);
    assertEquals(1, organisation.published());
    assertEquals(11, organisation.files().get(0).published());
    SchemaSet.bundled().organisations().newValidator().validate(new StreamSource(output.resolve("ilo-org.xml").toFile()));
    Manifest.Entry entry = report.manifest().file("ilo-org.xml").orElseThrow();
    assertEquals("iati-organisations", entry.kind());
    assertEquals(Files.size(output.resolve("ilo-org.xml")), entry.size());
    String xml = Files.readString(output.resolve("ilo-org.xml"));
    assertTrue(xml.contains("last-updated-datetime=\"2025-07-07T02:00:00Z\""), xml);
    assertTrue(xml.contains("<recipient-country code=\"KH\"/>"), xml);
    assertFalse(PublishRun.outputFilesIn(output).contains("organisation.xml"));
  }

  @Test
  void everyRowIsAccountedForWhenTheOrganisationCsvHasErrors() throws Exception {
    OwnForm.write(input, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YUOTH,100\nKH-23-02-SWE,SOCPRO,100\n");
    PublishRun.file(input, "organisation.csv", """
        item,ref,type,name,currency,start,end,value
        organisation,XM-DAC-41302,40,International Labour Organization,USD,,,
        total-budget,,,,,2025-01-01,2025-12-31,"1,000"
        total-budgte,,,,,2025-01-01,2025-12-31,1000
        """);
    List<Finding> findings = new ArrayList<>();
    PublishReport report = new Publisher(BINDER, SchemaSet.bundled().activities(), MONDAY)
        .publish(new PublishRequest(input, null, output, ',', null, false), findings::add);
    reports.add(report);
    String printed = findings.stream().map(Finding::toString).reduce("", (a, b) -> a + b + "\n");

    assertTrue(printed.contains(input + "/organisation.csv:3:value: error: '1,000' is not a plain number"), printed);
    assertTrue(printed.contains(input + "/organisation.csv:4:item: error: 'total-budgte' is not an item"), printed);
    assertEquals(new FileTally(input + "/organisation.csv", 3, 0, 2, 1), report.sets().get(1).files().get(0));
    long read = 0;
    long accounted = 0;
    for (SetOutcome set : report.sets()) {
      for (FileTally tally : set.files()) {
        assertTrue(tally.balanced(), tally + " does not add up");
        read += tally.read();
        accounted += tally.published() + tally.withheld() + tally.rejected();
      }
    }
    assertEquals(read, accounted);
    assertEquals(1, report.sets().get(0).withheld());
    // The activity and the organisation (withheld as a whole) are both reported as withheld.
    assertEquals(List.of("XM-DAC-41302-ET-22-01-NLD", "XM-DAC-41302"),
        report.changes().withheld().stream().map(ChangeReport.Change::identifier).toList());
    assertEquals(List.of("ilo-" + input.getFileName() + ".xml"), PublishRun.outputFilesIn(output), "no organisation file");
    assertTrue(report.errorsByRule().containsKey("mapping/unknown-code"), report.errorsByRule().toString());
  }
}
