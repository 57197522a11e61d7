package org.iatipub.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records come back in order, records of equal keys in the order added, whether sorted in memory,
 * from one run or through more runs than are read at once; closing deletes every run.
 */
class ExternalSortTest {
  @RegisterExtension
  final ScratchDirPerTest scratch = new ScratchDirPerTest();

  /** A record sorted by key only; {@code added} tells records of equal keys apart. */
  private record Item(int key, long added) {}

  private static final RecordFormat<Item> FORMAT = new RecordFormat<>() {
    @Override
    public void write(DataOutput out, Item item) throws IOException {
      out.writeInt(item.key());
      out.writeLong(item.added());
    }

    @Override
    public Item read(DataInput in) throws IOException {
      return new Item(in.readInt(), in.readLong());
    }
  };

  private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

  /** Holds {@code records} records at a time. */
  private ExternalSort<Item> sort(long records, boolean staged) {
    return new ExternalSort<>(scratch.dir(), "items", FORMAT, BY_KEY, new ExternalSort.Budget<>(records, item -> 1, staged));
  }

  /** {@code count} records of keys 0 to {@code keys - 1} in random order: many of each key. */
  private static List<Item> shuffled(int count, int keys, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Item> items = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      items.add(new Item(random.nextInt(keys), i));
    }
    return items;
  }

  /** What a stable in-memory sort gives: the expected order. */
  private static List<Item> stablySorted(List<Item> items) {
    return items.stream().sorted(BY_KEY).toList();
  }

  private static List<Item> sortedThrough(ExternalSort<Item> sort, List<Item> items) throws IOException {
    for (Item item : items) {
      sort.add(item);
    }
    List<Item> read = new ArrayList<>();
    try (ExternalSort.Cursor<Item> cursor = sort.sorted()) {
      for (Item next = cursor.peek(); next != null; next = cursor.peek()) {
        assertEquals(next, cursor.next(), "peek shows the record next takes");
        read.add(next);
      }
      assertNull(cursor.next());
    }
    return read;
  }

  private long files() throws IOException {
    try (Stream<Path> files = Files.list(scratch.dir().path())) {
      return files.count();
    }
  }

  @Test
  void sortsInMemoryWhileWithinItsBudget() throws IOException {
    List<Item> items = shuffled(1_000, 50, 1);
    try (ExternalSort<Item> sort = sort(1_000 + 1, false)) {
      assertEquals(stablySorted(items), sortedThrough(sort, items));
      assertEquals(0, files(), "nothing written");
    }
  }

  @Test
  void mergesMoreRunsThanAreReadAtOnceKeepingEqualKeysInTheOrderAdded() throws IOException {
    List<Item> items = shuffled(3_000, 100, 2);
    // Ten records a run: three hundred runs, more than the sort reads at once.
    try (ExternalSort<Item> sort = sort(10, false)) {
      for (Item item : items) {
        sort.add(item);
      }
      assertEquals(300, files());
      List<Item> read = new ArrayList<>();
      try (ExternalSort.Cursor<Item> cursor = sort.sorted()) {
        assertEquals(ExternalSort.FAN_IN, files(), "runs merged down to as many as are read at once");
        for (Item next = cursor.next(); next != null; next = cursor.next()) {
          read.add(next);
        }
      }
      assertEquals(stablySorted(items), read);
    }
    assertEquals(0, files(), "closing deletes the runs");
  }

  @Test
  void mergesRunsOfRunsLevelByLevelWhenFewAreReadAtOnce() throws IOException {
    List<Item> items = shuffled(1_000, 200, 3);
    // Three records a run and four runs read at once: merges of merges of merges.
    try (ExternalSort<Item> sort = new ExternalSort<>(scratch.dir(), "items", FORMAT, BY_KEY,
        new ExternalSort.Budget<>(3, item -> 1, true), 4)) {
      List<Item> read = sortedThrough(sort, items);
      assertEquals(4, files());
      assertEquals(stablySorted(items), read);
    }
    assertEquals(0, files());
  }

  @Test
  void equalKeysComeBackInTheOrderAddedAcrossRuns() throws IOException {
    List<Item> items = new ArrayList<>();
    for (long i = 0; i < 500; i++) {
      items.add(new Item(i % 7 == 0 ? 1 : 0, i));
    }
    try (ExternalSort<Item> sort = sort(4, false)) {
      List<Item> read = sortedThrough(sort, items);
      assertEquals(items.stream().filter(i -> i.key() == 0).toList(), read.subList(0, 428));
      assertEquals(items.stream().filter(i -> i.key() == 1).toList(), read.subList(428, 500));
    }
  }

  @Test
  void recordsInOrderGoToOneRunAsTheyCome() throws IOException {
    List<Item> items = new ArrayList<>();
    for (long i = 0; i < 1_000; i++) {
      items.add(new Item((int) i / 3, i));
    }
    try (ExternalSort<Item> staged = sort(10, true)) {
      staged.add(items.get(0));
      assertEquals(1, files(), "a staged record is on disk at once");
      List<Item> read = sortedThrough(staged, items.subList(1, items.size()));
      assertEquals(items, read);
      assertEquals(1, files());
    }
    try (ExternalSort<Item> unstaged = sort(10, false)) {
      assertEquals(items, sortedThrough(unstaged, items));
      assertEquals(1, files(), "one run, however many budgets it took");
    }
  }

  @Test
  void recordsInOrderThenOutOfOrderAreSortedAll() throws IOException {
    List<Item> items = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      items.add(new Item((int) i, i));
    }
    items.addAll(shuffled(400, 150, 4).stream().map(i -> new Item(i.key(), 100 + i.added())).toList());
    for (boolean staged : new boolean[] {true, false}) {
      try (ExternalSort<Item> sort = sort(16, staged)) {
        assertEquals(stablySorted(items), sortedThrough(sort, items), "staged: " + staged);
      }
      assertEquals(0, files());
    }
  }

  @Test
  void nothingAddedReadsAsNothing() throws IOException {
    for (boolean staged : new boolean[] {true, false}) {
      try (ExternalSort<Item> sort = sort(10, staged)) {
        try (ExternalSort.Cursor<Item> cursor = sort.sorted()) {
          assertNull(cursor.peek());
          assertNull(cursor.next());
        }
        assertEquals(0, files());
      }
    }
  }

  @Test
  void closingDeletesTheRunsWhetherReadOrNot() throws IOException {
    List<Item> items = shuffled(200, 20, 5);
    try (ExternalSort<Item> unread = sort(10, true)) {
      for (Item item : items) {
        unread.add(item);
      }
      assertTrue(files() > 1, files() + " runs");
    }
    assertEquals(0, files(), "closed before reading");
    ExternalSort<Item> halfRead = sort(10, true);
    for (Item item : items) {
      halfRead.add(item);
    }
    ExternalSort.Cursor<Item> cursor = halfRead.sorted();
    cursor.next();
    halfRead.close();
    assertEquals(0, files(), "closed while its cursor was open");
    halfRead.close(); // closing again does nothing
  }

  @Test
  void isReadOnceAndTakesNothingAfterwards() throws IOException {
    try (ExternalSort<Item> sort = sort(10, false)) {
      sort.add(new Item(1, 0));
      sort.sorted().close();
      assertThrows(IllegalStateException.class, sort::sorted);
      assertThrows(IllegalStateException.class, () -> sort.add(new Item(2, 1)));
    }
  }
}
