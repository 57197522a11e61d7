package org.iatipub.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The rows of one file staged on disk, each tagged with the ordinal of the activity it belongs to,
 * to be read back grouped by activity: an external merge sort that keeps memory flat however big
 * the file is.
 *
 * <p>Rows arriving in activity order (the usual export, sorted like the main file) go straight to
 * one sorted run, holding nothing in memory. From the first row out of order on, rows are gathered
 * in chunks of {@link #CHUNK_ROWS}, each sorted and written as a further run. Reading merges the
 * runs by (activity, row number), so each activity's rows come back in file order. Staging also
 * means publishing reads exactly the rows the first pass checked, even if a file changes meanwhile.
 *
 * <p>Each run read holds a buffer and an open file, so a file far out of order would need more of
 * both the bigger it is; beyond {@link #MERGE_WIDTH} runs, groups of runs are first merged into one,
 * which keeps the memory and the open files of reading flat however big the file.
 */
final class RowSpill implements Closeable {
  /** Rows held at once when a file is out of order: bounds memory, and the number of runs to merge. */
  static final int CHUNK_ROWS = 20_000;
  /** Runs read at once, at most. */
  static final int MERGE_WIDTH = 64;
  private static final int BUFFER = 1 << 16;

  private final Path dir;
  private final String file;
  private final ColumnIndex columns;
  private final int chunkRows;
  private final int mergeWidth;
  private final List<Path> runs = new ArrayList<>();
  private final List<Tagged> chunk = new ArrayList<>();
  private DataOutputStream sortedRun;
  private int lastOrdinal = -1;
  private boolean ordered = true;
  private long rows;

  private record Tagged(int ordinal, long row, String[] values) {}

  RowSpill(Path dir, String file, ColumnIndex columns, int chunkRows) throws IOException {
    this(dir, file, columns, chunkRows, MERGE_WIDTH);
  }

  RowSpill(Path dir, String file, ColumnIndex columns, int chunkRows, int mergeWidth) throws IOException {
    if (mergeWidth < 2) {
      throw new IllegalArgumentException("runs are merged at least two at a time, not " + mergeWidth);
    }
    this.dir = dir;
    this.file = file;
    this.columns = columns;
    this.chunkRows = chunkRows;
    this.mergeWidth = mergeWidth;
    this.sortedRun = open(nextRun());
  }

  long rows() {
    return rows;
  }

  /** Stages a row of the activity numbered {@code ordinal} (activities are numbered from 0). */
  void add(int ordinal, SourceRow row) throws IOException {
    rows++;
    String[] values = values(row);
    if (ordered && ordinal >= lastOrdinal) {
      lastOrdinal = ordinal;
      write(sortedRun, ordinal, row.row(), values);
      return;
    }
    if (ordered) {
      ordered = false;
      sortedRun.close();
      sortedRun = null;
    }
    chunk.add(new Tagged(ordinal, row.row(), values));
    if (chunk.size() >= chunkRows) {
      writeChunk();
    }
  }

  /** Ends staging and reads the rows back in activity order. */
  Reader reader() throws IOException {
    if (sortedRun != null) {
      sortedRun.close();
      sortedRun = null;
    }
    if (!chunk.isEmpty()) {
      writeChunk();
    }
    while (runs.size() > mergeWidth) {
      mergeFirstRuns();
    }
    return new Reader(runs, file, columns);
  }

  /** Merges the oldest runs into one new run (rows are ordered by activity and row, whatever run they are in). */
  private void mergeFirstRuns() throws IOException {
    List<Path> group = List.copyOf(runs.subList(0, mergeWidth));
    Path merged = nextRun();
    try (Reader reader = new Reader(group, file, columns); DataOutputStream out = open(merged)) {
      while (reader.nextOrdinal() >= 0) {
        reader.copyNext(out);
      }
    }
    // Only now: until the merged run is whole, close() must still find these to delete them.
    for (Path run : group) {
      Files.delete(run);
    }
    runs.removeAll(group);
  }

  private void writeChunk() throws IOException {
    // Rows of a chunk are in file order, and the sort is stable, so an activity's rows stay in order.
    chunk.sort(Comparator.comparingInt(Tagged::ordinal));
    try (DataOutputStream out = open(nextRun())) {
      for (Tagged tagged : chunk) {
        write(out, tagged.ordinal(), tagged.row(), tagged.values());
      }
    }
    chunk.clear();
  }

  private Path nextRun() throws IOException {
    Path run = Files.createTempFile(dir, "run", ".rows");
    runs.add(run);
    return run;
  }

  private static DataOutputStream open(Path path) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
  }

  private String[] values(SourceRow row) {
    if (row.cells() instanceof RowCells cells && cells.columns() == columns) {
      String[] values = new String[columns.names().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = cells.at(i);
      }
      return values;
    }
    return columns.names().stream().map(name -> row.cells().getOrDefault(name, "")).toArray(String[]::new);
  }

  private static void write(DataOutputStream out, int ordinal, long row, String[] values) throws IOException {
    out.writeInt(ordinal);
    out.writeLong(row);
    for (String value : values) {
      // Not writeUTF: it stops at 64 KB, and a cell may be longer.
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  @Override
  public void close() throws IOException {
    if (sortedRun != null) {
      sortedRun.close();
      sortedRun = null;
    }
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
  }

  /** The staged rows, merged from all runs in (activity, row) order. */
  static final class Reader implements Closeable {
    private final PriorityQueue<Run> queue = new PriorityQueue<>(
        Comparator.comparingInt((Run r) -> r.ordinal).thenComparingLong(r -> r.row));
    private final List<Run> open = new ArrayList<>();

    private Reader(List<Path> runs, String file, ColumnIndex columns) throws IOException {
      for (Path path : runs) {
        Run run = new Run(path, file, columns);
        open.add(run);
        if (run.advance()) {
          queue.add(run);
        }
      }
    }

    /** The activity of the next row, or -1 when no row is left. */
    int nextOrdinal() {
      Run head = queue.peek();
      return head == null ? -1 : head.ordinal;
    }

    /** Writes the next row, as staged, to another run. */
    private void copyNext(DataOutputStream out) throws IOException {
      Run head = queue.poll();
      write(out, head.ordinal, head.row, head.values);
      if (head.advance()) {
        queue.add(head);
      }
    }

    /** The next row in (activity, row) order. */
    SourceRow take() throws IOException {
      Run head = queue.poll();
      SourceRow row = head.current();
      if (head.advance()) {
        queue.add(head);
      }
      return row;
    }

    @Override
    public void close() throws IOException {
      for (Run run : open) {
        run.in.close();
      }
    }
  }

  private static final class Run {
    private final DataInputStream in;
    private final String file;
    private final ColumnIndex columns;
    private int ordinal;
    private long row;
    private String[] values;

    Run(Path path, String file, ColumnIndex columns) throws IOException {
      // Small buffers: an unsorted file may have many runs open at once.
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 8192));
      this.file = file;
      this.columns = columns;
    }

    boolean advance() throws IOException {
      try {
        ordinal = in.readInt();
      } catch (EOFException end) {
        return false;
      }
      row = in.readLong();
      values = new String[columns.names().size()];
      for (int i = 0; i < values.length; i++) {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        values[i] = new String(bytes, StandardCharsets.UTF_8);
      }
      return true;
    }

    SourceRow current() {
      return new SourceRow(file, row, new RowCells(columns, values));
    }
  }
}
