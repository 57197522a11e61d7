package org.iatipub.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DiskIndexTest {

  @Test
  void findsWhatWasPutAndNothingElse() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      assertNull(index.putIfAbsent("XM-DAC-41302-1", number(7)));
      assertNull(index.putIfAbsent("XM-DAC-41302-2", number(8)));
      assertArrayEquals(number(7), index.get("XM-DAC-41302-1"));
      assertArrayEquals(number(8), index.get("XM-DAC-41302-2"));
      assertNull(index.get("XM-DAC-41302-3"));
      assertFalse(index.containsKey("XM-DAC-41302"));
      assertEquals(2, index.size());
    }
  }

  @Test
  void putIfAbsentKeepsTheFirstValueAndReturnsIt() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      index.putIfAbsent("GB-1-a", number(1));
      assertArrayEquals(number(1), index.putIfAbsent("GB-1-a", number(2)));
      assertArrayEquals(number(1), index.get("GB-1-a"));
      assertEquals(1, index.size());
    }
  }

  @Test
  void keysAreComparedAsTextWhateverTheirScript() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      index.put("CN-项目-1", text("first"));
      index.put("CN-项目-2", text("second"));
      index.put("", text("empty key"));
      assertEquals("first", new String(index.get("CN-项目-1"), StandardCharsets.UTF_8));
      assertEquals("second", new String(index.get("CN-项目-2"), StandardCharsets.UTF_8));
      assertEquals("empty key", new String(index.get(""), StandardCharsets.UTF_8));
      assertNull(index.get("CN-项目-"));
    }
  }

  @Test
  void holdsAHundredThousandKeysAsItGrows() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      for (int i = 0; i < 100_000; i++) {
        assertNull(index.putIfAbsent("XM-EXAMPLE-" + i, number(i)));
      }
      assertEquals(100_000, index.size());
      for (int i = 0; i < 100_000; i++) {
        assertArrayEquals(number(i), index.get("XM-EXAMPLE-" + i), "key " + i);
        assertFalse(index.containsKey("XM-EXAMPLE-" + i + "x"));
      }
      try (var files = Files.list(index.dir())) {
        assertEquals(2, files.count(), "the records and the current slot table, the outgrown tables removed");
      }
    }
  }

  @Test
  void replacingAValueOfTheSameLengthKeepsItsPlace() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      index.put("a", number(1));
      index.put("b", number(2));
      index.put("a", number(3));
      assertEquals(List.of("a=3", "b=2"), entries(index));
    }
  }

  @Test
  void replacingAValueOfAnotherLengthMovesItToTheEnd() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      index.put("a", text("short"));
      index.put("b", text("other"));
      index.put("a", text("much longer now"));
      assertEquals("much longer now", new String(index.get("a"), StandardCharsets.UTF_8));
      assertEquals(2, index.size());
      List<String> keys = new ArrayList<>();
      index.forEach((key, value) -> keys.add(key + "=" + new String(value, StandardCharsets.UTF_8)));
      assertEquals(List.of("b=other", "a=much longer now"), keys);
    }
  }

  @Test
  void entriesMayStraddleWhereTheFileIsMappedInParts() throws Exception {
    byte[] big = new byte[DiskIndex.SEGMENT_BYTES / 3];
    try (DiskIndex index = DiskIndex.create("test")) {
      for (int i = 0; i < 10; i++) {
        Arrays.fill(big, (byte) i);
        index.put("big-" + i, big);
      }
      List<String> keys = new ArrayList<>();
      index.forEach((key, value) -> {
        keys.add(key);
        assertEquals(big.length, value.length);
        assertEquals(Integer.parseInt(key.substring(4)), value[value.length - 1]);
      });
      assertEquals(List.of("big-0", "big-1", "big-2", "big-3", "big-4", "big-5", "big-6", "big-7", "big-8", "big-9"), keys);
      assertEquals(7, index.get("big-7")[0]);
    }
  }

  @Test
  void refusesAnEntryLargerThanAPart() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      assertThrows(IllegalArgumentException.class, () -> index.put("huge", new byte[DiskIndex.SEGMENT_BYTES]));
    }
  }

  @Test
  void manyThreadsMayReadOnceWritingIsDone() throws Exception {
    try (DiskIndex index = DiskIndex.create("test")) {
      for (int i = 0; i < 20_000; i++) {
        index.put("id-" + i, number(i));
      }
      ExecutorService readers = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> found = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          found.add(readers.submit(() -> {
            int hits = 0;
            for (int i = 0; i < 20_000; i++) {
              hits += Arrays.equals(number(i), index.get("id-" + i)) ? 1 : 0;
            }
            return hits;
          }));
        }
        for (Future<Integer> hits : found) {
          assertEquals(20_000, hits.get());
        }
      } finally {
        readers.shutdown();
      }
    }
  }

  @Test
  void closingRemovesItsFiles() throws Exception {
    DiskIndex index = DiskIndex.create("test");
    index.put("a", number(1));
    Path dir = index.dir();
    assertTrue(Files.isDirectory(dir));
    index.close();
    assertFalse(Files.exists(dir));
    index.close(); // again: nothing to do
    assertThrows(IllegalStateException.class, () -> index.get("a"));
  }

  @Test
  void theFilesOfAKilledRunAreRemovedByTheNext() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    Path leftover = Files.createDirectories(temp.resolve(ScratchDir.PREFIX + gone.pid() + "-index-join-ids-1"));
    Files.writeString(leftover.resolve("records"), "left by a killed run");
    Path alive = Files.createDirectories(temp.resolve(ScratchDir.PREFIX + ProcessHandle.current().pid() + "-index-other-1"));
    try (DiskIndex index = DiskIndex.create("test")) {
      assertFalse(Files.exists(leftover));
      assertTrue(Files.exists(alive), "an index of a live process stays");
    } finally {
      Files.deleteIfExists(alive);
    }
  }

  private static byte[] number(int n) {
    return ByteBuffer.allocate(4).putInt(n).array();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> entries(DiskIndex index) {
    List<String> entries = new ArrayList<>();
    index.forEach((key, value) -> entries.add(key + "=" + ByteBuffer.wrap(value).getInt()));
    return entries;
  }
}
