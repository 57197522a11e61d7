package org.iatipub.publish.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.ScratchDirPerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commit's records come back sorted by key as Java strings order them, equal keys in the order
 * put, values as they were, whether within the memory budget or written to disk. (How the sort
 * itself runs is specified by {@code ExternalSortTest}.)
 */
class KeyedTest {
  @RegisterExtension
  final ScratchDirPerTest scratch = new ScratchDirPerTest();

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

  private static List<Put> sortedThrough(ExternalSort<Keyed> sort, List<Put> puts) throws IOException {
    for (Put put : puts) {
      sort.add(new Keyed(put.key(), put.value().getBytes(StandardCharsets.UTF_8)));
    }
    List<Put> read = new ArrayList<>();
    try (ExternalSort.Cursor<Keyed> cursor = sort.sorted()) {
      for (Keyed record = cursor.next(); record != null; record = cursor.next()) {
        read.add(new Put(record.key(), new String(record.value(), StandardCharsets.UTF_8)));
      }
    }
    return read;
  }

  private long filesInScratch() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(scratch.dir().path())) {
      return files.count();
    }
  }

  @Test
  void aThousandKeysAreSortedInMemory() throws IOException {
    List<Put> puts = puts(1_000);
    try (ExternalSort<Keyed> sort = Keyed.sort(scratch.dir(), "small")) {
      // A stable sort of the puts is the expected order: equal keys stay in the order put.
      assertEquals(puts.stream().sorted(Comparator.comparing(Put::key)).toList(), sortedThrough(sort, puts));
      assertEquals(0, filesInScratch(), "nothing written");
    }
  }

  @Test
  void recordsWrittenToDiskComeBackWholeAndEqualKeysInOrder() throws IOException {
    List<Put> puts = puts(5_000);
    // A budget this small writes a run every few records.
    try (ExternalSort<Keyed> sort = Keyed.sort(scratch.dir(), "large", 400)) {
      assertEquals(puts.stream().sorted(Comparator.comparing(Put::key)).toList(), sortedThrough(sort, puts));
      assertTrue(filesInScratch() > 1, filesInScratch() + " runs");
    }
    assertEquals(0, filesInScratch(), "closing deletes the runs");
  }

  @Test
  void keysSortAsJavaStringsDo() throws IOException {
    // UTF-8 bytes would put U+FF21 before U+1F600; Java strings (and the state file's TreeMap order) put it after.
    List<Put> puts = List.of(new Put("\uFF21", "fullwidth"), new Put("\uD83D\uDE00", "emoji"), new Put("a\0b", "nul"),
        new Put("a", "a"), new Put("", "empty"));
    try (ExternalSort<Keyed> sort = Keyed.sort(scratch.dir(), "text", 1)) {
      assertEquals(List.of(new Put("", "empty"), new Put("a", "a"), new Put("a\0b", "nul"), new Put("\uD83D\uDE00", "emoji"),
          new Put("\uFF21", "fullwidth")), sortedThrough(sort, puts));
    }
  }
}
