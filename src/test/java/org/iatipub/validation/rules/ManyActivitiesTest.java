package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.scratch.ScratchDirectories;
import org.iatipub.validation.Check;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of more activities than the rules that compare them keep in memory: duplicate
 * identifiers and citations of activities not in the file are found as in a small file, though
 * the identifiers and citations went to scratch files on the way, and no scratch file is left.
 */
class ManyActivitiesTest {
  @TempDir Path dir;

  private static final Clock TODAY = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
  private static final int ACTIVITIES = 1_100;
  private static final List<String> PURPOSES = List.of("activity-ids", "published-ids", "cited-ids");

  /** The file written, with the line of each identifier and of each citation, to state what is expected. */
  private record Written(String xml, Map<Integer, Long> identifierLines, List<Citation> citations) {}

  private record Citation(String identifier, long line) {}

  /**
   * Activity {@code n}'s identifier: its own, but for two that repeat an earlier one, one first
   * seen while the identifiers are in memory, one after they moved to disk.
   */
  private static String identifier(int n) {
    return switch (n) {
      case 1_050 -> identifier(7);
      case 1_080 -> identifier(1_020);
      default -> "XM-DAC-41302-" + n;
    };
  }

  private static Written many() {
    StringBuilder xml = new StringBuilder("<iati-activities version=\"2.03\">\n");
    Map<Integer, Long> identifierLines = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    long line = 2;
    for (int n = 1; n <= ACTIVITIES; n++) {
      List<String> lines = new ArrayList<>(List.of(
          "  <iati-activity xml:lang=\"en\" default-currency=\"USD\" last-updated-datetime=\"2024-05-01T00:00:00Z\">",
          "    <iati-identifier>" + identifier(n) + "</iati-identifier>",
          "    <reporting-org ref=\"XM-DAC-41302\" type=\"40\"><narrative>ILO</narrative></reporting-org>",
          "    <title><narrative>Decent work " + n + "</narrative></title>",
          "    <description><narrative>Text</narrative></description>",
          "    <participating-org role=\"1\" ref=\"XM-DAC-41302\"/>",
          "    <activity-status code=\"2\"/>",
          "    <activity-date type=\"1\" iso-date=\"2021-01-01\"/>",
          "    <recipient-country code=\"KE\"/>",
          "    <sector code=\"11110\"/>",
          "    <transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"2022-03-01\"/>"
              + "<value value-date=\"2022-03-01\">1000</value></transaction>"));
      identifierLines.put(n, line + 1);
      // The next activity (published later in the file, but for the two repeats), and one elsewhere now and then.
      List<String> cited = new ArrayList<>(List.of("XM-DAC-41302-" + (n + 1)));
      if (n % 3 == 0) {
        cited.add("XM-DAC-99999-" + n);
      }
      for (String id : cited) {
        citations.add(new Citation(id, line + lines.size()));
        lines.add("    <related-activity ref=\"" + id + "\" type=\"1\"/>");
      }
      lines.add("  </iati-activity>");
      lines.forEach(l -> xml.append(l).append('\n'));
      line += lines.size();
    }
    xml.append("</iati-activities>\n");
    return new Written(xml.toString(), identifierLines, citations);
  }

  /** Notes, at every fiftieth record, which of the rules' scratch directories exist. */
  private static final class Witness implements Check {
    final Set<String> seenOnDisk = new HashSet<>();
    int records;

    @Override
    public void record(Node record, Reporter reporter) {
      if (++records % 50 != 0) {
        return;
      }
      for (String purpose : PURPOSES) {
        try {
          if (!ScratchDirectories.of("index-" + purpose).isEmpty()) {
            seenOnDisk.add(purpose);
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private List<Finding> validate(String xml, Witness witness) throws IOException {
    Path file = dir.resolve("many.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    IatiRules rules = new IatiRules(new AgencyPrefixes(Set.of("XM-DAC")), TODAY);
    List<Supplier<Check>> checks = new ArrayList<>(rules.checks());
    checks.add(() -> witness);
    List<Finding> findings = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), new CheckSuite(checks)).validate(file, "many.xml", findings::add);
    return findings.stream().filter(f -> !f.rule().equals("0.3.1")).toList();
  }

  @Test
  void duplicatesAndCitationsAreFoundWhereverTheIdentifiersAreKept() throws IOException {
    Written written = many();
    Witness witness = new Witness();
    List<Finding> found = validate(written.xml(), witness);

    List<String> expected = new ArrayList<>();
    expected.add("1.1.2 line " + written.identifierLines().get(1_050) + ": the activity identifier 'XM-DAC-41302-7' is already used at line "
        + written.identifierLines().get(7) + "; give each activity its own identifier");
    expected.add("1.1.2 line " + written.identifierLines().get(1_080) + ": the activity identifier 'XM-DAC-41302-1020' is already used at line "
        + written.identifierLines().get(1_020) + "; give each activity its own identifier");
    Set<String> published = new HashSet<>();
    for (int n = 1; n <= ACTIVITIES; n++) {
      published.add(identifier(n));
    }
    for (Citation citation : written.citations()) {
      if (!published.contains(citation.identifier())) {
        expected.add("1000.0.6 line " + citation.line() + ": the related activity '" + citation.identifier()
            + "' is not an activity in this file; iatipub cannot search the IATI Datastore, so check that it is published (and spelled exactly)");
      }
    }
    assertEquals(expected, found.stream().map(ManyActivitiesTest::shown).toList());
    assertEquals(3 + ACTIVITIES / 3, expected.size() - 2, "1050, 1080 and 1101 are not published, nor any XM-DAC-99999");
    assertEquals(Set.copyOf(PURPOSES), witness.seenOnDisk, "identifiers and citations went to disk on the way");
    for (String purpose : PURPOSES) {
      assertEquals(List.of(), ScratchDirectories.of("index-" + purpose), "no scratch files are left after the file");
    }
  }

  @Test
  void aFileCutShortLeavesNoScratchFilesBehind() throws IOException {
    String xml = many().xml();
    Witness witness = new Witness();
    // Cut inside activity 1090: past the thousand identifiers kept in memory.
    List<Finding> found = validate(xml.substring(0, xml.indexOf("<iati-identifier>XM-DAC-41302-1090<")), witness);
    assertTrue(found.stream().anyMatch(f -> f.rule().equals("0.1.1")), "the file is reported as cut short: " + found);
    assertEquals(Set.copyOf(PURPOSES), witness.seenOnDisk);
    for (String purpose : PURPOSES) {
      assertEquals(List.of(), ScratchDirectories.of("index-" + purpose), "no scratch files are left after the file");
    }
  }

  private static String shown(Finding finding) {
    long line = ((Location.XmlPosition) finding.location()).line();
    return finding.rule() + " line " + line + ": " + finding.message();
  }
}
