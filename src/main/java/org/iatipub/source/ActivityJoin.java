package org.iatipub.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.scratch.DiskIndex;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.ScratchDir;

/**
 * The rows of a set of files joined by activity, in bounded memory: each row of the main file
 * starts an activity, and rows of the other files join the activity whose id they name. A row that
 * names no id, or an id the main file does not have, is rejected with a finding, so every row ends
 * up either in an activity or reported, for inputs of any size.
 *
 * <p>Two passes. {@link #stage} reads every file once, to its end, reporting what is wrong with it:
 * the main file first (its ids are indexed on disk, in a {@link DiskIndex}, with each activity's
 * number and row), then each other file, whose rows are tagged with their activity's number and
 * staged on disk ({@link StagedRow}, sorted by an {@link ExternalSort}, so child files need not be sorted).
 * Only when every file was read to its end can {@link #next} hand out activities: it merges the
 * staged main rows with each staged file, one activity at a time, in main-file order. Nothing is
 * held in memory per activity of clean data, so memory stays flat however many activities a set has.
 */
public final class ActivityJoin implements Closeable {

  /** A table to join: its key (the caller's name for it), the table, its id column. */
  public record Source(String key, Table table, String idColumn) {}

  private final ScratchDir staging;
  private final List<TableReading> readings;
  private final Map<String, Long> unlinked;
  /** Each id of the main file: its activity's number and its row ({@link Indexed}). */
  private final DiskIndex ids;
  private final int activities;
  /** The findings of each activity whose id is repeated: grows with errors only, never with clean data. */
  private final Map<Integer, List<Finding>> duplicates;
  private final String mainIdColumn;
  private final ExternalSort.Cursor<StagedRow> main;
  private final Map<String, ExternalSort.Cursor<StagedRow>> children;
  /** The sorts of the staged rows: closing one closes its cursor and deletes its runs. */
  private final List<Closeable> spills;

  /**
   * What the index holds for an id of the main file.
   *
   * @param ordinal the number of the activity it starts (activities are numbered from 0)
   * @param row its row in the main file, for the message when the id comes again
   */
  private record Indexed(int ordinal, long row) {
    static final int BYTES = Integer.BYTES + Long.BYTES;

    byte[] encoded() {
      return ByteBuffer.allocate(BYTES).putInt(ordinal).putLong(row).array();
    }

    static Indexed decode(byte[] value) {
      ByteBuffer buffer = ByteBuffer.wrap(value);
      return new Indexed(buffer.getInt(), buffer.getLong());
    }
  }

  private ActivityJoin(ScratchDir staging, List<TableReading> readings, Map<String, Long> unlinked, DiskIndex ids,
      int activities, Map<Integer, List<Finding>> duplicates, String mainIdColumn, ExternalSort.Cursor<StagedRow> main,
      Map<String, ExternalSort.Cursor<StagedRow>> children, List<Closeable> spills) {
    this.staging = staging;
    this.readings = List.copyOf(readings);
    this.unlinked = Map.copyOf(unlinked);
    this.ids = ids;
    this.activities = activities;
    this.duplicates = duplicates;
    this.mainIdColumn = mainIdColumn;
    this.main = main;
    this.children = children;
    this.spills = List.copyOf(spills);
  }

  /**
   * Reads and checks every file, staging its rows; findings go to {@code sink} as they are found.
   * {@code what} names the id in messages, e.g. "project id"; {@code mainRows} sees each main-file
   * row that starts an activity, with its id (e.g. to learn the programme hierarchy before mapping).
   *
   * @throws IOException when a file cannot be opened or the staging area cannot be written
   */
  public static ActivityJoin stage(Source mainSource, List<Source> childSources, String what,
      Consumer<Finding> sink, BiConsumer<String, SourceRow> mainRows) throws IOException {
    return stage(mainSource, childSources, what, sink, mainRows, StagedRow.CHUNK_ROWS);
  }

  static ActivityJoin stage(Source mainSource, List<Source> childSources, String what,
      Consumer<Finding> sink, BiConsumer<String, SourceRow> mainRows, int chunkRows) throws IOException {
    // A killed run cannot remove its staged rows; the next run's ScratchDir.create does.
    ScratchDir staging = ScratchDir.create("join");
    List<Closeable> spills = new ArrayList<>();
    DiskIndex ids = null;
    try {
      ids = DiskIndex.create("join-ids");
      DiskIndex index = ids;
      List<TableReading> readings = new ArrayList<>();
      Map<String, Long> unlinked = new HashMap<>();
      Map<Integer, List<Finding>> duplicates = new HashMap<>();
      int[] activities = {0};
      AtomicReference<ExternalSort<StagedRow>> mainSpill = new AtomicReference<>();
      String idColumn = mainSource.idColumn();
      TableReading mainReading = mainSource.table().read(row -> {
        String id = row.get(idColumn);
        if (id.isEmpty()) {
          reject(unlinked, row, Finding.error("source/missing-id", row.cell(idColumn),
              "the " + what + " is empty; every row needs one, so this row is not published"), sink);
          return;
        }
        int ordinal = activities[0];
        byte[] taken = index.putIfAbsent(id, new Indexed(ordinal, row.row()).encoded());
        if (taken != null) {
          Indexed first = Indexed.decode(taken);
          reject(unlinked, row, Finding.error("source/duplicate-id", row.cell(idColumn),
              "the " + what + " '" + id + "' is also in row " + first.row()
                  + "; ids must be unique, so neither row is published"), sink);
          duplicates.computeIfAbsent(first.ordinal(), k -> new ArrayList<>()).add(Finding.error("source/duplicate-id",
              row.cell(idColumn, first.row()), "the " + what + " '" + id
                  + "' appears again in row " + row.row() + "; ids must be unique, so this activity is withheld"));
          return;
        }
        activities[0]++;
        mainRows.accept(id, row);
        stageRow(mainSpill, staging, spills, row, ordinal, chunkRows);
      });
      readings.add(mainReading);
      mainReading.findings().forEach(sink);
      Map<String, ExternalSort<StagedRow>> childSpills = new LinkedHashMap<>();
      for (Source child : childSources) {
        AtomicReference<ExternalSort<StagedRow>> spill = new AtomicReference<>();
        // Rows can be linked only when the main file was read whole; otherwise this pass only checks.
        TableReading reading = child.table().read(row -> {
          if (!mainReading.complete()) {
            return;
          }
          String id = row.get(child.idColumn());
          byte[] entry = id.isEmpty() ? null : index.get(id);
          if (id.isEmpty()) {
            reject(unlinked, row, Finding.error("source/missing-id", row.cell(child.idColumn()),
                "the " + what + " is empty, so this row belongs to no activity and is not published"), sink);
          } else if (entry == null) {
            reject(unlinked, row, Finding.error("source/unknown-id", row.cell(child.idColumn()),
                "no row of " + mainSource.table().shown() + " has the " + what + " '" + id + "', so this row is not published"), sink);
          } else {
            stageRow(spill, staging, spills, row, Indexed.decode(entry).ordinal(), chunkRows);
          }
        });
        readings.add(reading);
        reading.findings().forEach(sink);
        if (spill.get() != null) {
          childSpills.put(child.key(), spill.get());
        }
      }
      boolean complete = readings.stream().allMatch(TableReading::complete);
      ExternalSort.Cursor<StagedRow> mainReader = null;
      Map<String, ExternalSort.Cursor<StagedRow>> childReaders = new LinkedHashMap<>();
      if (complete) {
        mainReader = mainSpill.get() == null ? null : mainSpill.get().sorted();
        for (Map.Entry<String, ExternalSort<StagedRow>> entry : childSpills.entrySet()) {
          childReaders.put(entry.getKey(), entry.getValue().sorted());
        }
      }
      return new ActivityJoin(staging, readings, unlinked, ids, activities[0], duplicates, idColumn, mainReader,
          childReaders, spills);
    } catch (UncheckedIOException e) {
      closeAfter(e.getCause(), spills, staging, ids);
      throw e.getCause();
    } catch (IOException | RuntimeException | Error e) {
      closeAfter(e, spills, staging, ids);
      throw e;
    }
  }

  private static void stageRow(AtomicReference<ExternalSort<StagedRow>> spill, ScratchDir staging, List<Closeable> spills,
      SourceRow row, int ordinal, int chunkRows) {
    try {
      if (spill.get() == null) {
        // Numbered: a file as shown (a path, perhaps) is no safe or unique name for a scratch file.
        spill.set(StagedRow.sort(staging, "rows-" + spills.size(), row.table(), ((RowCells) row.cells()).columns(),
            chunkRows));
        spills.add(spill.get());
      }
      spill.get().add(new StagedRow(ordinal, row));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void reject(Map<String, Long> unlinked, SourceRow row, Finding finding, Consumer<Finding> sink) {
    unlinked.merge(row.file(), 1L, Long::sum);
    sink.accept(finding);
  }

  /** What reading each file found, the main file first. */
  public List<TableReading> readings() {
    return readings;
  }

  /** True when every file was read to its end: only then are activities handed out. */
  public boolean complete() {
    return readings.stream().allMatch(TableReading::complete);
  }

  /** Rows of {@code file} (as shown) that were read well but belong to no activity. */
  public long unlinked(String file) {
    return unlinked.getOrDefault(file, 0L);
  }

  /** How many activities the main file starts (duplicates of an id start none). */
  public int activities() {
    return activities;
  }

  /**
   * Whether the main file has a row with this id. Safe from any thread that the join was handed to
   * after {@link #stage} (e.g. through an executor): the index is no longer written then.
   */
  public boolean contains(String id) {
    return ids.containsKey(id);
  }

  /**
   * The next activity's rows, in main-file order; null when all were handed out.
   *
   * @throws IllegalStateException when a file was not read to its end
   */
  public ActivityRows next() throws IOException {
    if (!complete()) {
      throw new IllegalStateException("a file of the set could not be read to its end; no activity can be trusted");
    }
    StagedRow first = main == null ? null : main.next();
    if (first == null) {
      return null;
    }
    int ordinal = first.ordinal();
    SourceRow row = first.row();
    Map<String, List<SourceRow>> rows = new LinkedHashMap<>();
    for (Map.Entry<String, ExternalSort.Cursor<StagedRow>> child : children.entrySet()) {
      ExternalSort.Cursor<StagedRow> reader = child.getValue();
      while (reader.peek() != null && reader.peek().ordinal() == ordinal) {
        rows.computeIfAbsent(child.getKey(), k -> new ArrayList<>()).add(reader.next().row());
      }
    }
    return new ActivityRows(row.get(mainIdColumn), row, rows, duplicates.getOrDefault(ordinal, List.of()));
  }

  /** Removes the staged rows and the index of ids. */
  @Override
  public void close() throws IOException {
    closeAll(spills, staging, ids);
  }

  private static void closeAll(List<Closeable> spills, ScratchDir staging, DiskIndex ids) throws IOException {
    try {
      for (Closeable spill : spills) {
        if (spill != null) {
          spill.close();
        }
      }
    } finally {
      staging.close();
      if (ids != null) {
        ids.close();
      }
    }
  }

  /** Cleans up after {@code failure}, which stays the exception to throw: a failure to clean up only joins it. */
  private static void closeAfter(Throwable failure, List<Closeable> spills, ScratchDir staging, DiskIndex ids) {
    try {
      closeAll(spills, staging, ids);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
