package org.iatipub.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;

/**
 * The rows of a set of files joined by activity, in bounded memory: each row of the main file
 * starts an activity, and rows of the other files join the activity whose id they name. A row that
 * names no id, or an id the main file does not have, is rejected with a finding, so every row ends
 * up either in an activity or reported, for inputs of any size.
 *
 * <p>Two passes. {@link #stage} reads every file once, to its end, reporting what is wrong with it:
 * the main file first (its ids are indexed: the only thing held per activity), then each other
 * file, whose rows are tagged with their activity's number and staged on disk ({@link RowSpill},
 * an external merge sort, so child files need not be sorted). Only when every file was read to its
 * end can {@link #next} hand out activities: it merges the staged main rows with each staged file,
 * one activity at a time, in main-file order.
 */
public final class ActivityJoin implements Closeable {
  /** Staging directories are named {@code iatipub-join-<pid>-…} in the temporary directory. */
  static final String STAGING_PREFIX = "iatipub-join-";

  /** A file to join: its key (the caller's name for it), where it is, how findings show it, its id column. */
  public record Source(String key, Path path, String shown, String idColumn) {}

  private final Path staging;
  private final List<CsvReading> readings;
  private final Map<String, Long> unlinked;
  private final Map<String, Integer> ordinals;
  private final Map<Integer, List<Finding>> duplicates;
  private final String mainIdColumn;
  private final RowSpill.Reader main;
  private final Map<String, RowSpill.Reader> children;
  private final List<Closeable> spills;

  private ActivityJoin(Path staging, List<CsvReading> readings, Map<String, Long> unlinked, Map<String, Integer> ordinals,
      Map<Integer, List<Finding>> duplicates, String mainIdColumn, RowSpill.Reader main,
      Map<String, RowSpill.Reader> children, List<Closeable> spills) {
    this.staging = staging;
    this.readings = List.copyOf(readings);
    this.unlinked = Map.copyOf(unlinked);
    this.ordinals = ordinals;
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
  public static ActivityJoin stage(Source mainSource, List<Source> childSources, char delimiter, String what,
      Consumer<Finding> sink, BiConsumer<String, SourceRow> mainRows) throws IOException {
    return stage(mainSource, childSources, delimiter, what, sink, mainRows, RowSpill.CHUNK_ROWS);
  }

  static ActivityJoin stage(Source mainSource, List<Source> childSources, char delimiter, String what,
      Consumer<Finding> sink, BiConsumer<String, SourceRow> mainRows, int chunkRows) throws IOException {
    removeStagingOfDeadRuns();
    Path staging = Files.createTempDirectory(STAGING_PREFIX + ProcessHandle.current().pid() + "-");
    List<Closeable> spills = new ArrayList<>();
    try {
      List<CsvReading> readings = new ArrayList<>();
      Map<String, Long> unlinked = new HashMap<>();
      Map<String, Integer> ordinals = new HashMap<>();
      Map<Integer, List<Finding>> duplicates = new HashMap<>();
      long[][] firstRows = {new long[1024]};
      RowSpill[] mainSpill = {null};
      String idColumn = mainSource.idColumn();
      CsvReading mainReading = CsvReading.read(mainSource.path(), mainSource.shown(), delimiter, row -> {
        String id = row.get(idColumn);
        if (id.isEmpty()) {
          reject(unlinked, row, Finding.error("source/missing-id", row.cell(idColumn),
              "the " + what + " is empty; every row needs one, so this row is not published"), sink);
          return;
        }
        Integer first = ordinals.get(id);
        if (first != null) {
          long firstRow = firstRows[0][first];
          reject(unlinked, row, Finding.error("source/duplicate-id", row.cell(idColumn),
              "the " + what + " '" + id + "' is also in row " + firstRow
                  + "; ids must be unique, so neither row is published"), sink);
          duplicates.computeIfAbsent(first, k -> new ArrayList<>()).add(Finding.error("source/duplicate-id",
              new SourceRow(row.file(), firstRow, Map.of()).cell(idColumn), "the " + what + " '" + id
                  + "' appears again in row " + row.row() + "; ids must be unique, so this activity is withheld"));
          return;
        }
        int ordinal = ordinals.size();
        ordinals.put(id, ordinal);
        if (ordinal == firstRows[0].length) {
          firstRows[0] = Arrays.copyOf(firstRows[0], ordinal * 2);
        }
        firstRows[0][ordinal] = row.row();
        mainRows.accept(id, row);
        stageRow(mainSpill, staging, spills, row, ordinal, chunkRows);
      });
      readings.add(mainReading);
      mainReading.findings().forEach(sink);
      Map<String, RowSpill> childSpills = new LinkedHashMap<>();
      for (Source child : childSources) {
        RowSpill[] spill = {null};
        // Rows can be linked only when the main file was read whole; otherwise this pass only checks.
        CsvReading reading = CsvReading.read(child.path(), child.shown(), delimiter, row -> {
          if (!mainReading.complete()) {
            return;
          }
          String id = row.get(child.idColumn());
          Integer ordinal = id.isEmpty() ? null : ordinals.get(id);
          if (id.isEmpty()) {
            reject(unlinked, row, Finding.error("source/missing-id", row.cell(child.idColumn()),
                "the " + what + " is empty, so this row belongs to no activity and is not published"), sink);
          } else if (ordinal == null) {
            reject(unlinked, row, Finding.error("source/unknown-id", row.cell(child.idColumn()),
                "no row of " + mainSource.shown() + " has the " + what + " '" + id + "', so this row is not published"), sink);
          } else {
            stageRow(spill, staging, spills, row, ordinal, chunkRows);
          }
        });
        readings.add(reading);
        reading.findings().forEach(sink);
        if (spill[0] != null) {
          childSpills.put(child.key(), spill[0]);
        }
      }
      boolean complete = readings.stream().allMatch(CsvReading::complete);
      RowSpill.Reader mainReader = null;
      Map<String, RowSpill.Reader> childReaders = new LinkedHashMap<>();
      if (complete) {
        mainReader = mainSpill[0] == null ? null : mainSpill[0].reader();
        spills.add(mainReader);
        for (Map.Entry<String, RowSpill> entry : childSpills.entrySet()) {
          RowSpill.Reader reader = entry.getValue().reader();
          spills.add(reader);
          childReaders.put(entry.getKey(), reader);
        }
      }
      spills.removeIf(s -> s == null);
      return new ActivityJoin(staging, readings, unlinked, ordinals, duplicates, idColumn, mainReader, childReaders, spills);
    } catch (UncheckedIOException e) {
      closeAll(spills, staging);
      throw e.getCause();
    } catch (IOException | RuntimeException e) {
      closeAll(spills, staging);
      throw e;
    }
  }

  /**
   * A run that is killed cannot remove its staged rows; the next run does, recognising them by the
   * process id in their name. Staging of runs still alive (publishing at the same time) is left.
   */
  private static void removeStagingOfDeadRuns() {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(temp)) {
      for (Path dir : dirs.toList()) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(STAGING_PREFIX)) {
          continue;
        }
        String pid = name.substring(STAGING_PREFIX.length(), Math.max(name.indexOf('-', STAGING_PREFIX.length()), STAGING_PREFIX.length()));
        if (pid.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
              Files.deleteIfExists(file);
            }
          }
          Files.deleteIfExists(dir);
        }
      }
    } catch (IOException e) {
      // Only housekeeping: a leftover directory someone else owns must not stop publishing.
    }
  }

  private static void stageRow(RowSpill[] spill, Path staging, List<Closeable> spills, SourceRow row, int ordinal,
      int chunkRows) {
    try {
      if (spill[0] == null) {
        spill[0] = new RowSpill(staging, row.file(), ((RowCells) row.cells()).columns(), chunkRows);
        spills.add(spill[0]);
      }
      spill[0].add(ordinal, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void reject(Map<String, Long> unlinked, SourceRow row, Finding finding, Consumer<Finding> sink) {
    unlinked.merge(row.file(), 1L, Long::sum);
    sink.accept(finding);
  }

  /** What reading each file found, the main file first. */
  public List<CsvReading> readings() {
    return readings;
  }

  /** True when every file was read to its end: only then are activities handed out. */
  public boolean complete() {
    return readings.stream().allMatch(CsvReading::complete);
  }

  /** Rows of {@code file} (as shown) that were read well but belong to no activity. */
  public long unlinked(String file) {
    return unlinked.getOrDefault(file, 0L);
  }

  /** How many activities the main file starts (duplicates of an id start none). */
  public int activities() {
    return ordinals.size();
  }

  /** Whether the main file has a row with this id. */
  public boolean contains(String id) {
    return ordinals.containsKey(id);
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
    if (main == null || main.nextOrdinal() < 0) {
      return null;
    }
    int ordinal = main.nextOrdinal();
    SourceRow row = main.take();
    Map<String, List<SourceRow>> rows = new LinkedHashMap<>();
    for (Map.Entry<String, RowSpill.Reader> child : children.entrySet()) {
      RowSpill.Reader reader = child.getValue();
      while (reader.nextOrdinal() == ordinal) {
        rows.computeIfAbsent(child.getKey(), k -> new ArrayList<>()).add(reader.take());
      }
    }
    return new ActivityRows(row.get(mainIdColumn), row, rows, duplicates.getOrDefault(ordinal, List.of()));
  }

  /** Removes the staged rows. */
  @Override
  public void close() throws IOException {
    closeAll(spills, staging);
  }

  private static void closeAll(List<Closeable> spills, Path staging) throws IOException {
    for (Closeable spill : spills) {
      if (spill != null) {
        spill.close();
      }
    }
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(staging);
  }
}
