package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.iatipub.scratch.ScratchDirectories;
import org.junit.jupiter.api.Test;

/** What a check writes down about a file's records comes back as written, from memory or disk. */
class ScratchLogTest {

  @Test
  void whatFitsInOneBlockStaysInMemory() throws IOException {
    try (ScratchLog log = new ScratchLog("log-small")) {
      log.writer().writeInt(42);
      log.writer().writeChars("XM-DAC-41302-1");
      assertFalse(log.onDisk());
      DataInputStream in = log.reader();
      assertEquals(42, in.readInt());
      assertEquals("XM-DAC-41302-1", chars(in, 14));
      assertEquals(-1, in.read(), "nothing more");
    }
  }

  @Test
  void fullBlocksGoToDiskAndComeBackInOrder() throws IOException {
    try (ScratchLog log = new ScratchLog("log-blocks", 16)) {
      DataOutputStream out = log.writer();
      for (int i = 0; i < 1_000; i++) {
        out.writeInt(i);
        out.writeLong(i * 1_000_003L);
        out.write(new byte[i % 40]);
      }
      assertTrue(log.onDisk());
      assertEquals(1, ScratchDirectories.of("index-log-blocks").size());
      DataInputStream in = log.reader();
      for (int i = 0; i < 1_000; i++) {
        assertEquals(i, in.readInt());
        assertEquals(i * 1_000_003L, in.readLong());
        assertEquals(i % 40, in.skipBytes(i % 40));
      }
      assertEquals(-1, in.read());
    }
    assertEquals(List.of(), ScratchDirectories.of("index-log-blocks"), "closing removes the scratch files");
  }

  @Test
  void anEntryLargerThanABlockSpansSeveral() throws IOException {
    try (ScratchLog log = new ScratchLog("log-large", 64)) {
      byte[] large = new byte[1_000];
      for (int i = 0; i < large.length; i++) {
        large[i] = (byte) (i * 7);
      }
      log.writer().write(large);
      log.writer().writeByte(5);
      byte[] back = new byte[large.length];
      DataInputStream in = log.reader();
      in.readFully(back);
      assertArrayEquals(large, back);
      assertEquals(5, in.readByte());
    }
  }

  @Test
  void anEmptyLogReadsAsEmpty() throws IOException {
    try (ScratchLog log = new ScratchLog("log-empty")) {
      assertEquals(-1, log.reader().read());
    }
  }

  private static String chars(DataInputStream in, int count) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(in.readChar());
    }
    return text.toString();
  }
}
