package org.iatipub.publish.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.validation.DocumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run keeps on disk about its records (the previous state's index, sort runs, the change
 * lists) is in scratch directories of its own, all gone once the run is over: committed (once its
 * report is closed), abandoned, or stopped by a failure. Scratch directories are told by this
 * process's id in their names; those that other tests left for the garbage collector may vanish
 * meanwhile, so the check is that none is new.
 */
class ScratchFilesTest {
  private static final String PID = "-" + ProcessHandle.current().pid() + "-";

  @TempDir Path output;

  private static Set<String> scratchDirectories() throws IOException {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return new TreeSet<>(all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("iatipub-") && n.contains(PID))
          .toList());
    }
  }

  private static Set<String> added(Set<String> before, Set<String> after) {
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    return added;
  }

  private static byte[] xml(String id) {
    return ("<iati-activity><iati-identifier>" + id + "</iati-identifier></iati-activity>").getBytes(StandardCharsets.UTF_8);
  }

  /** A night of a thousand records, some withheld, over the previous night's output. */
  private Release night(String when) throws IOException {
    Release release = Release.begin(output, when, Layout.standard(), Progress.NONE);
    Dataset dataset = release.dataset("portfolio", "portfolio", DocumentKind.ACTIVITIES);
    for (int i = 0; i < 1_000; i++) {
      if (i % 10 == 0) {
        dataset.withhold("XM-" + i);
      } else {
        dataset.add("XM-" + i, null, xml("XM-" + i + (when.startsWith("2026-03-03") && i % 3 == 0 ? "-changed" : "")));
      }
    }
    return release;
  }

  @Test
  void aCommittedRunLeavesOnlyItsReportsListsUntilTheReportIsClosed() throws IOException {
    try (Release monday = night("2026-03-02T02:00:00Z")) {
      monday.commit().changes().close();
    }
    Set<String> before = scratchDirectories();
    ChangeReport changes;
    try (Release tuesday = night("2026-03-03T02:00:00Z")) {
      changes = tuesday.commit().changes();
      Set<String> afterCommit = added(before, scratchDirectories());
      assertEquals(1, afterCommit.size(), afterCommit.toString());
      assertTrue(afterCommit.iterator().next().startsWith(ScratchDir.PREFIX + ProcessHandle.current().pid() + "-changes-"),
          afterCommit.toString());
    }
    assertEquals(300, changes.changed().size());
    changes.close();
    assertEquals(Set.of(), added(before, scratchDirectories()));
    assertThrows(IllegalStateException.class, () -> changes.changed().iterator(), "its lists are gone");
    assertThrows(IllegalStateException.class, () -> changes.added().contains(null), "even an empty one");
    assertEquals(0, changes.added().size(), "the counts stay");
    changes.close(); // closing twice does nothing
  }

  @Test
  void anAbandonedRunLeavesNothing() throws IOException {
    try (Release monday = night("2026-03-02T02:00:00Z")) {
      monday.commit().changes().close();
    }
    Set<String> before = scratchDirectories();
    try (Release tuesday = night("2026-03-03T02:00:00Z")) {
      assertTrue(added(before, scratchDirectories()).size() >= 2, "the previous state's index and the run's records");
    } // closed without a commit: --strict with errors, or a failure while publishing
    assertEquals(Set.of(), added(before, scratchDirectories()));
    assertEquals(List.of(".iatipub.lock", "iatipub-portfolio.json", "iatipub-state.json", "manifest.json", "portfolio.xml"), outputFiles());
  }

  @Test
  void aRunThatCannotReadTheStateLeavesNothing() throws IOException {
    Files.writeString(output.resolve(PublishState.FILE), "{\"sets\": {\"portfolio\": {\"XM-1\": {\"sha256\": ");
    Set<String> before = scratchDirectories();
    assertThrows(IOException.class, () -> night("2026-03-03T02:00:00Z"));
    assertEquals(Set.of(), added(before, scratchDirectories()));
  }

  private List<String> outputFiles() throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
