package org.iatipub.scratch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A table of byte values keyed by strings, held in memory-mapped temporary files rather than on
 * the heap, for what a run must remember about every activity of a set (ids seen, content hashes):
 * the heap stays the same size whether a set has two thousand activities or two million, and the
 * operating system pages the table to disk when memory is short.
 *
 * <p>Entries are appended to a records file (key and value, in the order added); an open-addressing
 * table of (64-bit key hash, record offset) slots, also mapped, finds them. Keys are compared in full,
 * so a hash collision never confuses two keys.
 *
 * <p>One thread writes at a time. Once writing is done and the index is handed over safely (through
 * an executor, for example), any number of threads may read it.
 */
public final class DiskIndex implements Closeable {
  /** Records files are mapped in segments of this size; no record may be larger. */
  static final int SEGMENT_BYTES = 1 << 22;
  private static final int HEADER_BYTES = 8;
  private static final int SLOT_BYTES = 16;
  private static final int FIRST_CAPACITY = 1 << 10;
  /** Written where a record would not fit in the rest of a segment: the next one starts there. */
  private static final int SEGMENT_END = Integer.MIN_VALUE;

  private final ScratchDir scratch;
  private final Path dir;
  private final FileChannel records;
  private final List<MappedByteBuffer> segments = new ArrayList<>();
  private long end;
  private FileChannel slotFile;
  private Path slotPath;
  private MappedByteBuffer slots;
  private int capacity;
  private int used;
  private int live;
  private int generation;
  private boolean closed;

  private DiskIndex(ScratchDir scratch) throws IOException {
    this.scratch = scratch;
    this.dir = scratch.path();
    this.records = FileChannel.open(dir.resolve("records"), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.slotFile = newSlots(FIRST_CAPACITY);
    this.slotPath = dir.resolve("slots-0");
    this.slots = slotFile.map(FileChannel.MapMode.READ_WRITE, 0, (long) FIRST_CAPACITY * SLOT_BYTES);
    this.capacity = FIRST_CAPACITY;
  }

  /**
   * An empty index in a {@link ScratchDir} of its own, named {@code index-<purpose>}.
   *
   * @param purpose a word for the directory name, telling what the index is for (e.g. "join-ids")
   */
  public static DiskIndex create(String purpose) throws IOException {
    ScratchDir scratch = ScratchDir.create("index-" + purpose);
    try {
      return new DiskIndex(scratch);
    } catch (IOException | RuntimeException e) {
      scratch.close();
      throw e;
    }
  }

  /** Adds {@code value} under {@code key} unless the key is there; returns the value already there, or null. */
  public byte[] putIfAbsent(String key, byte[] value) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    long hash = hash(keyBytes);
    int slot = find(keyBytes, hash);
    long ref = slots.getLong(slot * SLOT_BYTES + 8);
    if (ref != 0) {
      return value(ref - 1);
    }
    insert(slot, hash, append(keyBytes, value));
    return null;
  }

  /** Adds {@code value} under {@code key}, or replaces the value there. */
  public void put(String key, byte[] value) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    long hash = hash(keyBytes);
    int slot = find(keyBytes, hash);
    long ref = slots.getLong(slot * SLOT_BYTES + 8);
    if (ref == 0) {
      insert(slot, hash, append(keyBytes, value));
      return;
    }
    long offset = ref - 1;
    MappedByteBuffer segment = segment(offset);
    int at = (int) (offset % SEGMENT_BYTES);
    if (segment.getInt(at + 4) == value.length) {
      segment.put(at + HEADER_BYTES + keyBytes.length, value); // same size: in place, keeping its order
      return;
    }
    segment.putInt(at, -1 - keyBytes.length); // the old record is dead; forEach skips it
    slots.putLong(slot * SLOT_BYTES + 8, append(keyBytes, value) + 1);
  }

  /** The value under {@code key}, or null. */
  public byte[] get(String key) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    long ref = slots.getLong(find(keyBytes, hash(keyBytes)) * SLOT_BYTES + 8);
    return ref == 0 ? null : value(ref - 1);
  }

  public boolean containsKey(String key) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    return slots.getLong(find(keyBytes, hash(keyBytes)) * SLOT_BYTES + 8) != 0;
  }

  /** How many keys it holds. */
  public int size() {
    return live;
  }

  /**
   * Every entry, in the order added; an entry whose value was replaced by one of another length
   * comes where it was replaced.
   */
  public void forEach(BiConsumer<String, byte[]> action) {
    long offset = 0;
    while (offset < end) {
      MappedByteBuffer segment = segment(offset);
      int at = (int) (offset % SEGMENT_BYTES);
      int keyLength = SEGMENT_BYTES - at < HEADER_BYTES ? SEGMENT_END : segment.getInt(at);
      if (keyLength == SEGMENT_END) {
        offset += SEGMENT_BYTES - at;
        continue;
      }
      int stored = keyLength < 0 ? -1 - keyLength : keyLength;
      int valueLength = segment.getInt(at + 4);
      if (keyLength >= 0) {
        byte[] key = new byte[stored];
        segment.get(at + HEADER_BYTES, key);
        byte[] value = new byte[valueLength];
        segment.get(at + HEADER_BYTES + stored, value);
        action.accept(new String(key, StandardCharsets.UTF_8), value);
      }
      offset += HEADER_BYTES + stored + valueLength;
    }
  }

  /** Removes the index's files. The index cannot be used afterwards; closing again does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    segments.clear();
    slots = null;
    try {
      records.close();
      slotFile.close();
    } catch (IOException e) {
      // Only closing: the files are deleted below either way.
    }
    scratch.close();
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int find(byte[] key, long hash) {
    if (closed) {
      throw new IllegalStateException("the index is closed");
    }
    int mask = capacity - 1;
    for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
      long ref = slots.getLong(slot * SLOT_BYTES + 8);
      if (ref == 0 || slots.getLong(slot * SLOT_BYTES) == hash && keyEquals(ref - 1, key)) {
        return slot;
      }
    }
  }

  private void insert(int slot, long hash, long offset) {
    slots.putLong(slot * SLOT_BYTES, hash);
    slots.putLong(slot * SLOT_BYTES + 8, offset + 1);
    live++;
    if (++used * 2 > capacity) {
      grow();
    }
  }

  /** Doubles the slot table (at most half full keeps probes short); the records stay where they are. */
  private void grow() {
    int bigger = capacity * 2;
    if (bigger * (long) SLOT_BYTES > Integer.MAX_VALUE) {
      throw new IllegalStateException("the index is full: " + live + " keys");
    }
    try {
      FileChannel file = newSlots(bigger);
      MappedByteBuffer table = file.map(FileChannel.MapMode.READ_WRITE, 0, (long) bigger * SLOT_BYTES);
      for (int slot = 0; slot < capacity; slot++) {
        long ref = slots.getLong(slot * SLOT_BYTES + 8);
        if (ref != 0) {
          long hash = slots.getLong(slot * SLOT_BYTES);
          int to = (int) hash & (bigger - 1);
          while (table.getLong(to * SLOT_BYTES + 8) != 0) {
            to = (to + 1) & (bigger - 1);
          }
          table.putLong(to * SLOT_BYTES, hash);
          table.putLong(to * SLOT_BYTES + 8, ref);
        }
      }
      slotFile.close();
      Files.deleteIfExists(slotPath); // still mapped until collected, which the file system allows
      slotPath = dir.resolve("slots-" + (generation - 1));
      slotFile = file;
      slots = table;
      capacity = bigger;
    } catch (IOException e) {
      throw new UncheckedIOException("the index in " + dir + " cannot grow", e);
    }
  }

  private FileChannel newSlots(int slotCount) throws IOException {
    FileChannel file = FileChannel.open(dir.resolve("slots-" + generation++), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    file.truncate((long) slotCount * SLOT_BYTES);
    return file;
  }

  /** Appends a record; returns its offset. */
  private long append(byte[] key, byte[] value) {
    int size = HEADER_BYTES + key.length + value.length;
    if (size > SEGMENT_BYTES) {
      throw new IllegalArgumentException("an entry of " + size + " bytes is over the index's limit of " + SEGMENT_BYTES);
    }
    int at = (int) (end % SEGMENT_BYTES);
    if (at + size > SEGMENT_BYTES) {
      if (SEGMENT_BYTES - at >= HEADER_BYTES) {
        segment(end).putInt(at, SEGMENT_END);
      }
      end += SEGMENT_BYTES - at;
      at = 0;
    }
    long offset = end;
    MappedByteBuffer segment = segment(offset);
    segment.putInt(at, key.length);
    segment.putInt(at + 4, value.length);
    segment.put(at + HEADER_BYTES, key);
    segment.put(at + HEADER_BYTES + key.length, value);
    end += size;
    return offset;
  }

  private byte[] value(long offset) {
    MappedByteBuffer segment = segment(offset);
    int at = (int) (offset % SEGMENT_BYTES);
    byte[] value = new byte[segment.getInt(at + 4)];
    segment.get(at + HEADER_BYTES + segment.getInt(at), value);
    return value;
  }

  private boolean keyEquals(long offset, byte[] key) {
    MappedByteBuffer segment = segment(offset);
    int at = (int) (offset % SEGMENT_BYTES);
    if (segment.getInt(at) != key.length) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (segment.get(at + HEADER_BYTES + i) != key[i]) {
        return false;
      }
    }
    return true;
  }

  /** The mapped segment holding {@code offset}, mapping (and so growing the file) as records reach it. */
  private MappedByteBuffer segment(long offset) {
    int index = (int) (offset / SEGMENT_BYTES);
    while (segments.size() <= index) {
      try {
        segments.add(records.map(FileChannel.MapMode.READ_WRITE, (long) segments.size() * SEGMENT_BYTES, SEGMENT_BYTES));
      } catch (IOException e) {
        throw new UncheckedIOException("the index in " + dir + " cannot grow", e);
      }
    }
    return segments.get(index);
  }

  /** FNV-1a, then a final mix so that the low bits (the slot) depend on every byte. */
  private static long hash(byte[] key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  @Override
  public String toString() {
    return "DiskIndex[" + dir + ", " + live + " keys]";
  }

  /** Its directory, for tests. */
  Path dir() {
    return dir;
  }
}
