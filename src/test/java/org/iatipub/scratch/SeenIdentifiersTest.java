package org.iatipub.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identifiers of a file met so far: the same answers in memory and on disk. */
class SeenIdentifiersTest {

  @Test
  void aSecondIdentifierGetsTheNumberOfTheFirst() {
    try (SeenIdentifiers seen = new SeenIdentifiers("seen-test")) {
      assertNull(seen.putIfAbsent("XM-DAC-41302-1", 3));
      assertNull(seen.putIfAbsent("XM-DAC-41302-2", 20));
      assertEquals(3L, seen.putIfAbsent("XM-DAC-41302-1", 37));
      assertEquals(3L, seen.putIfAbsent("XM-DAC-41302-1", 54), "still the first");
      assertTrue(seen.contains("XM-DAC-41302-2"));
      assertFalse(seen.contains("XM-DAC-41302"));
      assertFalse(seen.onDisk(), "a few identifiers stay in memory");
    }
  }

  @Test
  void pastTheThresholdTheIdentifiersMoveToDiskAndKeepTheirFirstNumbers() throws IOException {
    try (SeenIdentifiers seen = new SeenIdentifiers("seen-move", 3)) {
      for (int i = 1; i <= 3; i++) {
        assertNull(seen.putIfAbsent("GB-1-" + i, i * 10));
      }
      assertFalse(seen.onDisk());
      assertEquals(List.of(), ScratchDirectories.of("index-seen-move"), "no scratch file before it is needed");
      assertNull(seen.putIfAbsent("GB-1-4", 40));
      assertTrue(seen.onDisk());
      assertEquals(1, ScratchDirectories.of("index-seen-move").size());
      assertEquals(10L, seen.putIfAbsent("GB-1-1", 99), "moved with its number");
      assertEquals(40L, seen.putIfAbsent("GB-1-4", 99));
      assertNull(seen.putIfAbsent("GB-1-5", 50));
      assertEquals(50L, seen.putIfAbsent("GB-1-5", 0));
      assertTrue(seen.contains("GB-1-3"));
      assertFalse(seen.contains("GB-1-6"));
    }
    assertEquals(List.of(), ScratchDirectories.of("index-seen-move"), "closing removes the scratch files");
  }

  @Test
  void identifiersDifferingOnlyInCaseOrSpacesAreDifferent() {
    try (SeenIdentifiers seen = new SeenIdentifiers("seen-case", 1)) {
      seen.putIfAbsent("gb-1-a", 1);
      seen.putIfAbsent("GB-1-a", 2);
      seen.putIfAbsent("GB-1-a ", 3);
      assertTrue(seen.onDisk());
      assertEquals(2L, seen.putIfAbsent("GB-1-a", 9));
      assertEquals(3L, seen.putIfAbsent("GB-1-a ", 9));
    }
  }

  @Test
  void anIdentifierOfAnyLengthIsKeptOnDisk() {
    String huge = "XM-DAC-41302-" + "x".repeat(5_000_000);
    try (SeenIdentifiers seen = new SeenIdentifiers("seen-huge", 0)) {
      assertNull(seen.putIfAbsent(huge, 7));
      assertTrue(seen.onDisk());
      assertEquals(7L, seen.putIfAbsent(new String(huge), 8));
      assertFalse(seen.contains(huge + "y"));
    }
  }

  @Test
  void closingTwiceDoesNothing() throws IOException {
    SeenIdentifiers seen = new SeenIdentifiers("seen-twice", 0);
    seen.putIfAbsent("a", 1);
    seen.close();
    seen.close();
    assertEquals(List.of(), ScratchDirectories.of("index-seen-twice"));
  }
}
