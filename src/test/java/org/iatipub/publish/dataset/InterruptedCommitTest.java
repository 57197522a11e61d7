package org.iatipub.publish.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while committing (after its journal was written, part-way through the renames) is
 * finished by the next run: the output ends up as the interrupted run meant it, never a mix.
 */
class InterruptedCommitTest {
  @TempDir Path output;

  private void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A manifest as a run writes it, told apart by the file it lists. */
  private static String manifest(String file) {
    return "{\"files\":[{\"name\":\"" + file + "\",\"set\":\"portfolio\",\"kind\":\"iati-activities\","
        + "\"activities\":1,\"size\":5,\"sha256\":\"0\",\"generated-datetime\":\"2026-11-25T02:00:00Z\",\"iati-version\":\"2.03\"}]}";
  }

  private String read(String name) throws IOException {
    return Files.readString(output.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void theNextRunFinishesACommitCutShortAfterItsFirstRename() throws IOException {
    // Last night's edition.
    write(output.resolve("ilo-a.xml"), "old a");
    write(output.resolve("ilo-gone.xml"), "old gone");
    write(output.resolve("manifest.json"), manifest("ilo-a.xml"));
    // Tonight's run staged its files, wrote its journal, moved one file, and was killed.
    Path staging = output.resolve(Staging.PREFIX + "tonight");
    write(staging.resolve("ilo-b.xml"), "new b");
    write(staging.resolve("manifest.json"), manifest("ilo-b.xml"));
    write(output.resolve("ilo-a.xml"), "new a");
    new CommitJournal(staging.getFileName().toString(), List.of("ilo-a.xml", "ilo-b.xml", "manifest.json"),
        List.of("ilo-gone.xml")).write(output);

    try (Release next = Release.begin(output, "2026-11-26T02:00:00Z", Layout.standard(), Progress.NONE)) {
      assertEquals("new a", read("ilo-a.xml"));
      assertEquals("new b", read("ilo-b.xml"));
      assertEquals(manifest("ilo-b.xml"), read("manifest.json"));
      assertFalse(Files.exists(output.resolve("ilo-gone.xml")), "the interrupted run's removals are done too");
      assertFalse(Files.exists(output.resolve(CommitJournal.FILE)), "the journal is gone once applied");
      assertFalse(Files.exists(staging), "the interrupted run's staging directory is gone");
    }
  }

  @Test
  void aRunKilledBeforeItsJournalLeavesLastNightsEditionAlone() throws IOException {
    write(output.resolve("ilo-a.xml"), "old a");
    write(output.resolve("manifest.json"), manifest("ilo-a.xml"));
    Path staging = output.resolve(Staging.PREFIX + "tonight");
    write(staging.resolve("ilo-a.xml"), "new a");
    write(output.resolve(CommitJournal.FILE + ".partial"), "{\"staging\":");

    try (Release next = Release.begin(output, "2026-11-26T02:00:00Z", Layout.standard(), Progress.NONE)) {
      assertEquals("old a", read("ilo-a.xml"));
      assertEquals(manifest("ilo-a.xml"), read("manifest.json"));
      assertFalse(Files.exists(staging), "stale staging is cleared");
      assertFalse(Files.exists(output.resolve(CommitJournal.FILE + ".partial")), "a half-written journal is dropped");
    }
    try (Stream<Path> left = Files.list(output)) {
      assertEquals(List.of(".iatipub.lock", "ilo-a.xml", "manifest.json"),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
