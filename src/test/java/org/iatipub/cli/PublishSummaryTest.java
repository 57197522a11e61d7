package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iatipub.bench.SyntheticPortfolio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code publish} prints of the changes since the previous run, in text and in JSON: a count
 * line and one line per change, or four lists and a count, each change with its set, identifier
 * and file (null when it never was in one). The lists are read back from disk as they are printed,
 * and the files holding them are gone once the command is done.
 */
class PublishSummaryTest {
  @TempDir Path input;
  @TempDir Path output;
  private Path activities;
  private final List<String> ids = new ArrayList<>();

  record Run(int exitCode, String out, String err) {}

  private Run publish(String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("publish", "--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(options));
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** Monday: five activities in set "alpha", all published. */
  @BeforeEach
  void monday() throws IOException {
    new SyntheticPortfolio(5, 1, 7L).writePathHeaders(input.resolve("alpha"));
    activities = input.resolve("alpha/activities.csv");
    Files.readAllLines(activities).stream().skip(1).forEach(row -> ids.add(row.substring(0, row.indexOf(','))));
    Run monday = publish();
    assertEquals(0, monday.exitCode(), monday.out() + monday.err());
  }

  /**
   * Tuesday: the first activity's title changes, the second leaves the input, the third breaks (a
   * currency that is no code), and a new one comes in broken.
   */
  private void tuesday() throws IOException {
    List<String> rows = new ArrayList<>(Files.readAllLines(activities));
    String fresh = rows.get(1).replace(ids.get(0), "XM-DAC-41302-AA-999999").replace(",USD,", ",ZZZ,");
    rows.set(1, rows.get(1).replace("(phase", "(PHASE"));
    rows.set(3, rows.get(3).replace(",USD,", ",ZZZ,"));
    rows.remove(2);
    rows.add(fresh);
    Files.write(activities, rows);
  }

  private static Set<String> scratchDirectories() throws IOException {
    String pid = "-" + ProcessHandle.current().pid() + "-";
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return new TreeSet<>(all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("iatipub-") && n.contains(pid))
          .toList());
    }
  }

  @Test
  void theTextListsEachChangeUnderItsCount() throws IOException {
    tuesday();
    Set<String> before = scratchDirectories();
    Run tuesday = publish();

    String out = tuesday.out();
    int start = out.indexOf("changes since");
    String changes = out.substring(start, out.indexOf("published: ", start));
    List<String> withheld = new ArrayList<>(List.of("  withheld: XM-DAC-41302-AA-999999 (alpha)",
        "  withheld: " + ids.get(2) + " (alpha, alpha.xml)"));
    withheld.sort(null);
    assertEquals(String.join("\n", List.of(
        "changes since the previous run: 0 added, 1 changed, 1 removed, 2 withheld, 2 unchanged",
        "  changed: " + ids.get(0) + " (alpha, alpha.xml)",
        "  removed: " + ids.get(1) + " (alpha, alpha.xml)",
        withheld.get(0),
        withheld.get(1))) + "\n", changes);
    assertTrue(before.containsAll(scratchDirectories()), "the change lists' files are gone: " + scratchDirectories());
  }

  @Test
  void theJsonHasTheFourListsAndTheCount() throws IOException {
    tuesday();
    Set<String> before = scratchDirectories();
    Run tuesday = publish("--format", "json");

    JsonNode changes = new ObjectMapper().readTree(tuesday.out()).get("changes");
    List<String> fields = new ArrayList<>();
    changes.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("added", "changed", "removed", "withheld", "unchanged"), fields);
    assertEquals(0, changes.get("added").size());
    assertEquals(change(ids.get(0), "\"alpha.xml\""), changes.get("changed").get(0));
    assertEquals(change(ids.get(1), "\"alpha.xml\""), changes.get("removed").get(0));
    List<JsonNode> withheld = new ArrayList<>(List.of(change("XM-DAC-41302-AA-999999", "null"), change(ids.get(2), "\"alpha.xml\"")));
    withheld.sort((a, b) -> a.get("identifier").asText().compareTo(b.get("identifier").asText()));
    assertEquals(withheld, List.of(changes.get("withheld").get(0), changes.get("withheld").get(1)));
    assertEquals(2, changes.get("withheld").size());
    assertEquals(2, changes.get("unchanged").asInt());
    assertTrue(tuesday.out().endsWith("}\n") || tuesday.out().endsWith("}" + System.lineSeparator()), "one document, one line end");
    assertTrue(before.containsAll(scratchDirectories()), "the change lists' files are gone: " + scratchDirectories());
  }

  @Test
  void theJsonFindingsAreThoseTheTextShowsInTheSameOrder() throws IOException {
    tuesday();
    Set<String> before = scratchDirectories();
    Run json = publish("--format", "json");
    List<String> shown = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(json.out()).get("findings")) {
      List<String> fields = new ArrayList<>();
      finding.fieldNames().forEachRemaining(fields::add);
      assertEquals(List.of("severity", "rule", "location", "message"), fields);
      shown.add(finding.get("location").asText() + ": " + finding.get("severity").asText() + ": "
          + finding.get("message").asText() + " [" + finding.get("rule").asText() + "]");
    }
    assertTrue(shown.stream().anyMatch(f -> f.contains("ZZZ")), String.join("\n", shown));
    assertTrue(before.containsAll(scratchDirectories()), "the findings' file is gone: " + scratchDirectories());

    Run text = publish(); // the same input again: the same findings
    List<String> printed = text.out().lines().takeWhile(line -> line.endsWith("]")).toList();
    assertEquals(printed, shown);
  }

  private static JsonNode change(String identifier, String file) throws IOException {
    return new ObjectMapper().readTree("{\"set\": \"alpha\", \"identifier\": \"" + identifier + "\", \"file\": " + file + "}");
  }
}
