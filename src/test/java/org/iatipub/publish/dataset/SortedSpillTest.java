package org.iatipub.publish.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.iatipub.scratch.ScratchDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records come back sorted by key, equal keys in the order put, whether sorted in memory or through runs on disk. */
class SortedSpillTest {
  private ScratchDir dir;

  @BeforeEach
  void scratch() throws IOException {
    dir = ScratchDir.create("test");
  }

  @AfterEach
  void dropScratch() {
    dir.close();
  }

  private record Put(String key, String value) {}

  /** Keys in a scrambled order, each put three times with its round as the value. */
  private static List<Put> puts(int keys) {
    List<Put> puts = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < keys; i++) {
        puts.add(new Put("key-" + (i * 7_919L % keys), "round " + round));
      }
    }
    return puts;
  }

  private static List<Put> sortedThrough(SortedSpill spill, List<Put> puts) throws IOException {
    for (Put put : puts) {
      spill.add(put.key(), put.value().getBytes(StandardCharsets.UTF_8));
    }
    List<Put> read = new ArrayList<>();
    try (SortedSpill.Cursor cursor = spill.sorted()) {
      while (cursor.next()) {
        read.add(new Put(cursor.key(), new String(cursor.value(), StandardCharsets.UTF_8)));
      }
    }
    return read;
  }

  private long filesInScratch() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(dir.path())) {
      return files.count();
    }
  }

  @Test
  void sortsInMemoryWhileWithinItsBudget() throws IOException {
    List<Put> puts = puts(1_000);
    try (SortedSpill spill = new SortedSpill(dir, "small")) {
      // A stable sort of the puts is the expected order: equal keys stay in the order put.
      assertEquals(puts.stream().sorted(Comparator.comparing(Put::key)).toList(), sortedThrough(spill, puts));
      assertEquals(0, filesInScratch(), "nothing written");
    }
  }

  @Test
  void mergesRunsOnDiskAndRunsOfRunsKeepingEqualKeysInOrder() throws IOException {
    List<Put> puts = puts(5_000);
    // A budget this small writes a run every few records: hundreds of runs, more than are merged at once.
    try (SortedSpill spill = new SortedSpill(dir, "large", 400)) {
      assertEquals(puts.stream().sorted(Comparator.comparing(Put::key)).toList(), sortedThrough(spill, puts));
      assertTrue(filesInScratch() > 0 && filesInScratch() <= SortedSpill.FAN_IN, filesInScratch() + " runs left to merge");
    }
    assertEquals(0, filesInScratch(), "closing deletes the runs");
  }

  @Test
  void keysSortAsJavaStringsDo() throws IOException {
    // UTF-8 bytes would put U+FF21 before U+1F600; Java strings (and the state file's TreeMap order) put it after.
    List<Put> puts = List.of(new Put("\uFF21", "fullwidth"), new Put("\uD83D\uDE00", "emoji"), new Put("a\0b", "nul"),
        new Put("a", "a"));
    try (SortedSpill spill = new SortedSpill(dir, "text", 1)) {
      assertEquals(List.of("a", "a\0b", "\uD83D\uDE00", "\uFF21"), sortedThrough(spill, puts).stream().map(Put::key).toList());
    }
  }

  @Test
  void isReadOnceAndTakesNothingAfterwards() throws IOException {
    try (SortedSpill spill = new SortedSpill(dir, "once")) {
      spill.add("a", new byte[0]);
      spill.sorted().close();
      assertThrows(IllegalStateException.class, spill::sorted);
      assertThrows(IllegalStateException.class, () -> spill.add("b", new byte[0]));
    }
  }
}
