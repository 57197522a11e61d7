package org.iatipub.publish.dataset;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.iatipub.scratch.ScratchDir;

/**
 * Records put in any order and read back sorted by key, records of equal keys in the order they
 * were put: an external merge sort, so sorting every record of a run takes the same memory for ten
 * thousand records as for ten million. Records gather in memory up to a fixed budget, are sorted and
 * written as a run; reading merges the runs (first merging neighbouring runs among themselves,
 * level by level, while there are too many to read at once). A spill that never outgrew its
 * budget is sorted in memory.
 */
final class SortedSpill implements Closeable {
  /** Bytes of records held in memory before they are written as a run. */
  static final long BUDGET = 1L << 20;
  /** Runs read at once when merging. */
  static final int FAN_IN = 64;
  private static final int BUFFER = 1 << 14;
  /** A rough size of a record's objects beyond its key and value. */
  private static final int OVERHEAD = 96;
  private static final Comparator<Keyed> BY_KEY = Comparator.comparing(Keyed::key);

  private final ScratchDir dir;
  private final String name;
  private final long budget;
  private final List<Keyed> chunk = new ArrayList<>();
  private long chunkBytes;
  private final List<Path> runs = new ArrayList<>();
  private int written;
  private Cursor reading;
  private boolean closed;

  /** One record, as it is sorted. */
  private record Keyed(String key, byte[] value) {}

  /** The records in order: {@link #next} before each. */
  interface Cursor extends Closeable {
    /** Moves to the next record; false when there is none. */
    boolean next() throws IOException;

    String key();

    byte[] value();
  }

  SortedSpill(ScratchDir dir, String name) {
    this(dir, name, BUDGET);
  }

  SortedSpill(ScratchDir dir, String name, long budget) {
    this.dir = dir;
    this.name = name;
    this.budget = budget;
  }

  synchronized void add(String key, byte[] value) throws IOException {
    if (reading != null || closed) {
      throw new IllegalStateException("the records of " + name + " are being read (or dropped); no more can be added");
    }
    chunk.add(new Keyed(key, value));
    chunkBytes += 2L * key.length() + value.length + OVERHEAD;
    if (chunkBytes >= budget) {
      chunk.sort(BY_KEY); // stable: equal keys keep the order they were put in
      writeRun(chunk);
      chunk.clear();
      chunkBytes = 0;
    }
  }

  /** Ends adding; every record, sorted. Closing the spill closes the cursor. */
  synchronized Cursor sorted() throws IOException {
    if (reading != null || closed) {
      throw new IllegalStateException("the records of " + name + " are read once");
    }
    chunk.sort(BY_KEY);
    if (runs.isEmpty()) {
      reading = new InMemory(chunk);
      return reading;
    }
    if (!chunk.isEmpty()) {
      writeRun(chunk);
      chunk.clear();
    }
    while (runs.size() > FAN_IN) {
      // Neighbouring runs merged into one, in their place: equal keys keep the order they were put in.
      List<Path> level = new ArrayList<>(runs);
      runs.clear();
      for (int from = 0; from < level.size(); from += FAN_IN) {
        List<Path> group = level.subList(from, Math.min(from + FAN_IN, level.size()));
        Path merged = dir.file(name + "-" + written++);
        runs.add(merged);
        try (Merge merge = new Merge(group); DataOutputStream out = output(merged)) {
          while (merge.next()) {
            write(out, merge.key(), merge.value());
          }
        }
        for (Path run : group) {
          Files.delete(run);
        }
      }
    }
    reading = new Merge(runs);
    return reading;
  }

  /** Drops the records and deletes the runs. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    chunk.clear();
    try {
      if (reading != null) {
        reading.close();
      }
    } finally {
      for (Path run : runs) {
        Files.deleteIfExists(run);
      }
    }
  }

  private void writeRun(List<Keyed> records) throws IOException {
    Path run = dir.file(name + "-" + written++);
    runs.add(run);
    try (DataOutputStream out = output(run)) {
      for (Keyed record : records) {
        write(out, record.key(), record.value());
      }
    }
  }

  private static DataOutputStream output(Path run) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), BUFFER));
  }

  private static void write(DataOutputStream out, String key, byte[] value) throws IOException {
    RecordBytes.writeText(out, key);
    out.writeInt(value.length);
    out.write(value);
  }

  private static final class InMemory implements Cursor {
    private final List<Keyed> records;
    private int at = -1;

    InMemory(List<Keyed> records) {
      this.records = records;
    }

    @Override
    public boolean next() {
      return ++at < records.size();
    }

    @Override
    public String key() {
      return records.get(at).key();
    }

    @Override
    public byte[] value() {
      return records.get(at).value();
    }

    @Override
    public void close() {}
  }

  /** One run being read: its current record. */
  private static final class Run {
    private final int order;
    private final DataInputStream in;
    private String key;
    private byte[] value;

    Run(int order, Path file) throws IOException {
      this.order = order;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    boolean advance() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException end) {
        return false;
      }
      byte[] keyBytes = new byte[length];
      in.readFully(keyBytes);
      key = new String(keyBytes, java.nio.charset.StandardCharsets.UTF_8);
      value = new byte[in.readInt()];
      in.readFully(value);
      return true;
    }
  }

  /** The runs merged: the smallest key first, and of equal keys the one of the earliest run. */
  private static final class Merge implements Cursor {
    private final PriorityQueue<Run> heads = new PriorityQueue<>(
        Comparator.comparing((Run r) -> r.key).thenComparingInt(r -> r.order));
    private final List<Run> open = new ArrayList<>();
    private Run current;

    Merge(List<Path> runs) throws IOException {
      try {
        for (Path file : runs) {
          Run run = new Run(open.size(), file);
          open.add(run);
          if (run.advance()) {
            heads.add(run);
          }
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    public boolean next() throws IOException {
      if (current != null && current.advance()) {
        heads.add(current);
      }
      current = heads.poll();
      return current != null;
    }

    @Override
    public String key() {
      return current.key;
    }

    @Override
    public byte[] value() {
      return current.value;
    }

    @Override
    public void close() throws IOException {
      IOException failed = null;
      for (Run run : open) {
        try {
          run.in.close();
        } catch (IOException e) {
          failed = e;
        }
      }
      if (failed != null) {
        throw failed;
      }
    }
  }
}
