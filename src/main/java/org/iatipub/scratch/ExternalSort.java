package org.iatipub.scratch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Records added in any order and read back sorted, records that compare equal in the order they
 * were added: an external merge sort, so sorting takes the same memory for ten thousand records as
 * for ten million. Records gather in memory up to a {@link Budget}, are sorted and written as a run
 * to a scratch directory; reading merges the runs. Each run read holds an open file and a buffer,
 * so at most {@link #FAN_IN} are read at once: beyond that, neighbouring runs are first merged into
 * one, in their place, so that equal records keep their order.
 *
 * <p>Records that come in order need no sorting: while every record so far came in order, they go
 * to one run, written as they come, so input already sorted (the usual export) is read back from a
 * single file however big it is.
 *
 * <p>Closing deletes the runs (a killed run's are swept with its {@link ScratchDir}). Adding,
 * sorting and closing may come from several threads; a cursor is read by one.
 */
public final class ExternalSort<T> implements Closeable {
  /** Runs read at once, at most. */
  static final int FAN_IN = 64;
  private static final int WRITE_BUFFER = 1 << 16;
  /** Small: many runs may be open at once. */
  private static final int READ_BUFFER = 1 << 13;

  private final ScratchDir dir;
  private final String name;
  private final RecordFormat<T> format;
  private final Comparator<? super T> order;
  private final Budget<? super T> budget;
  private final int fanIn;
  private final List<T> chunk = new ArrayList<>();
  private long chunkWeight;
  /** Runs to read, in the order their records were added. */
  private final List<Run> runs = new ArrayList<>();
  /** Every file not yet deleted, whole or not, for closing to delete. */
  private final List<Path> files = new ArrayList<>();
  private int nextFile;
  /** The last record added while all came in order; null once one did not. */
  private T last;
  private boolean ordered = true;
  /** The run records in order are written to as they come, while they do. */
  private Path streamed;
  private DataOutputStream stream;
  private long streamedRecords;
  private Cursor<T> reading;
  private boolean closed;

  /**
   * What a sort may hold in memory.
   *
   * @param limit records gather in memory until their weights add up to this, then are written as a run
   * @param weight a record's share of the limit: its rough size in bytes, or 1 to count records
   * @param staged true when every record must go to disk, as it comes if in order (nothing held for
   *     sorted input, however small); false when a sort that never reaches its limit is done in memory
   */
  public record Budget<T>(long limit, ToLongFunction<? super T> weight, boolean staged) {
    public Budget {
      if (limit < 1) {
        throw new IllegalArgumentException("a budget holds at least one record's weight, not " + limit);
      }
      Objects.requireNonNull(weight);
    }
  }

  /** The records in order, read once. */
  public interface Cursor<T> extends Closeable {
    /** The next record, left in place; null when none is left. */
    T peek();

    /** Takes the next record; null when none is left. */
    T next() throws IOException;
  }

  /** A sort whose runs are files {@code name-0}, {@code name-1}, … in {@code dir}. */
  public ExternalSort(ScratchDir dir, String name, RecordFormat<T> format, Comparator<? super T> order,
      Budget<? super T> budget) {
    this(dir, name, format, order, budget, FAN_IN);
  }

  ExternalSort(ScratchDir dir, String name, RecordFormat<T> format, Comparator<? super T> order,
      Budget<? super T> budget, int fanIn) {
    if (fanIn < 2) {
      throw new IllegalArgumentException("runs are merged at least two at a time, not " + fanIn);
    }
    this.dir = dir;
    this.name = name;
    this.format = format;
    this.order = order;
    this.budget = budget;
    this.fanIn = fanIn;
  }

  public synchronized void add(T record) throws IOException {
    Objects.requireNonNull(record, "a record"); // null ends a cursor
    if (reading != null || closed) {
      throw new IllegalStateException("the records of " + name + " are being read (or dropped); no more can be added");
    }
    if (ordered && last != null && order.compare(record, last) < 0) {
      ordered = false;
      last = null;
      endStream();
    }
    if (ordered) {
      last = record;
      if (stream != null || budget.staged()) {
        stream(record);
        return;
      }
    }
    chunk.add(record);
    chunkWeight += budget.weight().applyAsLong(record);
    if (chunkWeight >= budget.limit()) {
      if (ordered) {
        // Already in order: they start the run that later records in order go straight to.
        for (T held : chunk) {
          stream(held);
        }
      } else {
        writeChunk();
      }
      chunk.clear();
      chunkWeight = 0;
    }
  }

  /** Ends adding; every record, sorted. Closing the sort closes the cursor. */
  public synchronized Cursor<T> sorted() throws IOException {
    if (reading != null || closed) {
      throw new IllegalStateException("the records of " + name + " are read once");
    }
    if (stream == null && runs.isEmpty()) {
      chunk.sort(order);
      reading = new InMemory<>(chunk);
      return reading;
    }
    endStream();
    if (!chunk.isEmpty()) {
      writeChunk();
      chunk.clear();
    }
    mergeDownToFanIn();
    reading = new Merge<>(runs, format, order);
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
      if (stream != null) {
        stream.close();
      }
    } finally {
      try {
        if (reading != null) {
          reading.close();
        }
      } finally {
        for (Path file : files) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private void stream(T record) throws IOException {
    if (stream == null) {
      streamed = newFile();
      stream = output(streamed);
    }
    format.write(stream, record);
    streamedRecords++;
  }

  /** Closes the run of records that came in order: the first run, as nothing was written before it. */
  private void endStream() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
      runs.add(new Run(streamed, streamedRecords));
    }
  }

  private void writeChunk() throws IOException {
    chunk.sort(order); // stable: equal records keep the order they were added in
    Path file = newFile();
    try (DataOutputStream out = output(file)) {
      for (T record : chunk) {
        format.write(out, record);
      }
    }
    runs.add(new Run(file, chunk.size()));
  }

  /**
   * Merges neighbouring runs into one, in their place, until at most {@link #fanIn} are left:
   * groups no wider than needed, so as little as possible is written again, and from the first
   * run on, starting over at the first once the end is reached.
   */
  private void mergeDownToFanIn() throws IOException {
    int at = 0;
    while (runs.size() > fanIn) {
      int width = Math.min(fanIn, runs.size() - fanIn + 1);
      if (at + width > runs.size()) {
        at = 0;
      }
      List<Run> group = List.copyOf(runs.subList(at, at + width));
      Path file = newFile();
      long records = 0;
      try (Merge<T> merge = new Merge<>(group, format, order); DataOutputStream out = output(file)) {
        for (T record = merge.next(); record != null; record = merge.next()) {
          format.write(out, record);
          records++;
        }
      }
      runs.subList(at, at + width).clear();
      runs.add(at, new Run(file, records));
      // Only now: until the merged run is whole, closing must still find these to delete them.
      for (Run run : group) {
        Files.delete(run.file());
        files.remove(run.file());
      }
      at++;
    }
  }

  private Path newFile() {
    Path file = dir.file(name + "-" + nextFile++);
    files.add(file);
    return file;
  }

  private static DataOutputStream output(Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), WRITE_BUFFER));
  }

  /** A run on disk: how many records it holds, so reading needs no end marker. */
  private record Run(Path file, long records) {}

  private static final class InMemory<T> implements Cursor<T> {
    private final List<T> records;
    private int at;

    InMemory(List<T> records) {
      this.records = records;
    }

    @Override
    public T peek() {
      return at < records.size() ? records.get(at) : null;
    }

    @Override
    public T next() {
      return at < records.size() ? records.get(at++) : null;
    }

    @Override
    public void close() {}
  }

  /** One run being read: its next record. */
  private static final class Head<T> {
    private final int run;
    private final DataInputStream in;
    private final RecordFormat<T> format;
    private long left;
    private T record;

    Head(int run, Run file, RecordFormat<T> format) throws IOException {
      this.run = run;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file.file()), READ_BUFFER));
      this.format = format;
      this.left = file.records();
    }

    boolean advance() throws IOException {
      if (left == 0) {
        return false;
      }
      left--;
      record = format.read(in);
      return true;
    }
  }

  /** The runs merged: the least record first, and of equal ones that of the earliest run. */
  private static final class Merge<T> implements Cursor<T> {
    private final PriorityQueue<Head<T>> heads;
    private final List<Head<T>> open = new ArrayList<>();

    Merge(List<Run> runs, RecordFormat<T> format, Comparator<? super T> order) throws IOException {
      heads = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> {
        int compared = order.compare(a.record, b.record);
        return compared != 0 ? compared : Integer.compare(a.run, b.run);
      });
      try {
        for (Run run : runs) {
          Head<T> head = new Head<>(open.size(), run, format);
          open.add(head);
          if (head.advance()) {
            heads.add(head);
          }
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    public T peek() {
      Head<T> head = heads.peek();
      return head == null ? null : head.record;
    }

    @Override
    public T next() throws IOException {
      Head<T> head = heads.poll();
      if (head == null) {
        return null;
      }
      T taken = head.record;
      if (head.advance()) {
        heads.add(head);
      }
      return taken;
    }

    @Override
    public void close() throws IOException {
      IOException failed = null;
      for (Head<T> head : open) {
        try {
          head.in.close();
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
