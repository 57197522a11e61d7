package org.iatipub.validation.rules;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.iatipub.scratch.DiskIndex;

/**
 * Bytes written once, in order, then read back once: what a check must remember about every
 * record until the end of its file. The first block stays on the heap (grown as it fills), so a
 * small file costs no file at all; past it, full blocks go to a {@link DiskIndex} under their running number, which
 * keeps the heap the same whatever the file's size and leaves no scratch file behind (the index
 * removes those of killed runs). {@link #close()} removes the index.
 */
final class ScratchLog implements AutoCloseable {
  static final int BLOCK_BYTES = 1 << 16;

  private final String purpose;
  private final int blockBytes;
  private byte[] block;
  private int filled;
  private DiskIndex index;
  private int stored;
  private final DataOutputStream writer = new DataOutputStream(new Blocks());

  /** @param purpose a word naming the index's directory, should the log reach the disk */
  ScratchLog(String purpose) {
    this(purpose, BLOCK_BYTES);
  }

  /** With smaller blocks, so tests can reach the disk with a few entries. */
  ScratchLog(String purpose, int blockBytes) {
    this.purpose = purpose;
    this.blockBytes = blockBytes;
    this.block = new byte[0];
  }

  /** Where to write; what is written is kept until {@link #close()}. */
  DataOutputStream writer() {
    return writer;
  }

  /** Everything written so far, from the start. */
  DataInputStream reader() {
    return new DataInputStream(new Replay());
  }

  /** Whether any block went to disk (for tests). */
  boolean onDisk() {
    return index != null;
  }

  /** Removes the index's files and forgets what was written; the log is not used afterwards. */
  @Override
  public void close() {
    block = new byte[0];
    filled = 0;
    stored = 0;
    if (index != null) {
      index.close();
    }
  }

  /** Makes room for at least one more byte: a bigger block in memory, or a new one once this one is stored. */
  private void makeRoom() {
    if (filled < block.length) {
      return;
    }
    if (block.length < blockBytes) {
      // Grown as needed: most files cite few activities, or none.
      block = Arrays.copyOf(block, Math.min(blockBytes, Math.max(256, block.length * 2)));
      return;
    }
    store();
  }

  private void store() {
    try {
      if (index == null) {
        index = DiskIndex.create(purpose);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch index for " + purpose, e);
    }
    index.put(Integer.toString(stored++), block);
    filled = 0;
  }

  /** Fills the block in memory, storing each one that is full. */
  private final class Blocks extends OutputStream {
    @Override
    public void write(int b) {
      makeRoom();
      block[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      while (length > 0) {
        makeRoom();
        int part = Math.min(length, block.length - filled);
        System.arraycopy(bytes, offset, block, filled, part);
        filled += part;
        offset += part;
        length -= part;
      }
    }
  }

  /** The stored blocks in order, then the one in memory. */
  private final class Replay extends InputStream {
    private int next;
    private byte[] current = new byte[0];
    private int at;

    @Override
    public int read() {
      if (!advance()) {
        return -1;
      }
      return current[at++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!advance()) {
        return -1;
      }
      int part = Math.min(length, current.length - at);
      System.arraycopy(current, at, into, offset, part);
      at += part;
      return part;
    }

    /** Moves to the next block when this one is read; false at the end of what was written. */
    private boolean advance() {
      while (at == current.length) {
        if (next < stored) {
          current = index.get(Integer.toString(next++));
        } else if (next == stored) {
          current = Arrays.copyOf(block, filled);
          next++;
        } else {
          return false;
        }
        at = 0;
      }
      return true;
    }
  }
}
