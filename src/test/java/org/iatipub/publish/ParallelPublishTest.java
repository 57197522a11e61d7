package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.iatipub.bench.SyntheticPortfolio;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activities are mapped and written on several threads, yet the published files and the findings
 * are the same, byte for byte and in the same order, as on one thread: output never depends on
 * timing. The inputs have child files out of activity order and some bad rows, so the join, the
 * withheld activities and the rejected rows are part of what must not change.
 */
class ParallelPublishTest {
  private static final ActivityBinder BINDER = ActivityBinder.create();
  private static final Schema SCHEMA = SchemaSet.bundled().activities();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T02:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private record Outcome(PublishReport report, List<String> findings, List<Path> files) {}

  private Outcome publish(Path input, int threads) throws Exception {
    Path output = dir.resolve("out-" + threads);
    List<String> findings = new ArrayList<>();
    PublishReport report = new Publisher(BINDER, SCHEMA, CLOCK).withThreads(threads)
        .publish(new PublishRequest(input, null, output, ',', null, false), (Finding f) -> findings.add(f.toString()));
    report.close(); // compared by its sets and files, not its change lists
    try (Stream<Path> walk = Files.walk(output)) {
      return new Outcome(report, findings, walk.filter(Files::isRegularFile).map(output::relativize).sorted().toList());
    }
  }

  private void assertSameOnAnyNumberOfThreads(Path input) throws Exception {
    Outcome one = publish(input, 1);
    assertTrue(one.report().sets().get(0).published() > 100, one.report().toString());
    assertTrue(one.report().sets().get(0).withheld() > 0, "the input has bad rows");
    for (int threads : new int[] {2}) {
      Outcome many = publish(input, threads);
      assertEquals(one.findings(), many.findings(), threads + " threads");
      assertEquals(tallies(one), tallies(many), threads + " threads");
      assertEquals(one.files(), many.files(), threads + " threads");
      for (Path file : one.files()) {
        assertArrayEquals(Files.readAllBytes(dir.resolve("out-1").resolve(file)),
            Files.readAllBytes(dir.resolve("out-" + threads).resolve(file)), file + " on " + threads + " threads");
      }
    }
    for (SetOutcome set : one.report().sets()) {
      set.files().forEach(tally -> assertTrue(tally.balanced(), tally + " does not add up"));
    }
  }

  private static List<String> tallies(Outcome outcome) {
    return outcome.report().sets().stream()
        .map(set -> set.published() + " published, " + set.withheld() + " withheld: " + set.files()).toList();
  }

  /** The id in the first column of data row {@code n} of a file. */
  private static String id(Path input, String file, int n) throws Exception {
    return Files.readAllLines(input.resolve(file)).get(n).split(",")[0];
  }

  private static void append(Path file, String lines) throws Exception {
    Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Test
  void ownColumnsPublishTheSameOnOneOrManyThreads() throws Exception {
    Path input = dir.resolve("portfolio");
    new SyntheticPortfolio(150, 4, 7).writeOwnColumns(input, Path.of(System.getenv().getOrDefault(
        "IATIPUB_PROJECT_DIR", ".")).resolve("samples/crosswalks"));
    append(input.resolve("sectors.csv"), id(input, "projects.csv", 7) + ",EMP-YUOTH,100\n");
    append(input.resolve("transactions.csv"), "XX-999999,X-1,SPEND,2024-01-01,10.00,,,,,\n"
        + id(input, "projects.csv", 90) + ",X-2,SPEND,2024-01-01,\"1,000.00\",,,,,\n");
    assertSameOnAnyNumberOfThreads(input);
  }

  @Test
  void citedActivitiesAreLookedUpInTheWholeFileOnAnyNumberOfThreads() throws Exception {
    Path input = dir.resolve("related");
    new SyntheticPortfolio(150, 2, 7).writePathHeaders(input);
    append(input.resolve("countries.csv"), id(input, "activities.csv", 3) + ",XX,100\n");
    // Every activity cites one published far later in the file, on whichever thread; two cite
    // activities that are not in it.
    StringBuilder related = new StringBuilder("iati-identifier,related-activity/0/@ref,related-activity/0/@type\n");
    for (int n = 1; n <= 150; n++) {
      related.append(id(input, "activities.csv", n)).append(',').append(id(input, "activities.csv", (n + 74) % 150 + 1))
          .append(",3\n");
    }
    related.append(id(input, "activities.csv", 10)).append(",XM-DAC-41302-ELSEWHERE-1,3\n");
    related.append(id(input, "activities.csv", 140)).append(",XM-DAC-41302-ELSEWHERE-2,3\n");
    PublishRun.file(input, "related.csv", related.toString());

    Outcome one = publish(input, 1);
    List<String> notInFile = one.findings().stream().filter(f -> f.contains("[1000.0.6]")).toList();
    assertEquals(2, notInFile.size(), String.join("\n", one.findings()));
    assertTrue(notInFile.get(0).contains("'XM-DAC-41302-ELSEWHERE-1' is not an activity in this file"), notInFile.get(0));
    assertTrue(notInFile.get(1).contains("'XM-DAC-41302-ELSEWHERE-2' is not an activity in this file"), notInFile.get(1));
    assertSameOnAnyNumberOfThreads(input);
  }

  @Test
  void pathHeadersPublishTheSameOnOneOrManyThreads() throws Exception {
    Path input = dir.resolve("sheets");
    new SyntheticPortfolio(150, 4, 7).writePathHeaders(input);
    append(input.resolve("countries.csv"), id(input, "activities.csv", 3) + ",XX,100\nXM-DAC-41302-NOPE,KE,100\n");
    assertSameOnAnyNumberOfThreads(input);
  }
}
