package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.ScratchDirPerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staged rows come back grouped by activity, each activity's in file order, however many runs they
 * took, with their cells as read. (How the sort itself runs is specified by {@code ExternalSortTest}.)
 */
class StagedRowTest {
  @RegisterExtension
  final ScratchDirPerTest scratch = new ScratchDirPerTest();

  private final ColumnIndex columns = new ColumnIndex(List.of("code", "amount"));

  private record Staged(int ordinal, long row, String amount) {}

  private long files() throws IOException {
    try (var files = Files.list(scratch.dir().path())) {
      return files.count();
    }
  }

  private static List<SourceRow> read(ExternalSort<StagedRow> sort) throws IOException {
    List<SourceRow> rows = new ArrayList<>();
    try (ExternalSort.Cursor<StagedRow> cursor = sort.sorted()) {
      for (StagedRow staged = cursor.next(); staged != null; staged = cursor.next()) {
        rows.add(staged.row());
      }
    }
    return rows;
  }

  @Test
  void aFileFarOutOfOrderComesBackByActivityEachInFileOrder() throws Exception {
    SplittableRandom random = new SplittableRandom(6);
    List<Staged> staged = new ArrayList<>();
    // Chunks of three rows make hundreds of runs, more than are read at once.
    try (ExternalSort<StagedRow> sort = StagedRow.sort(scratch.dir(), "rows", TableName.csv("transactions.csv"), columns, 3)) {
      for (long row = 2; row < 1_002; row++) {
        Staged next = new Staged(random.nextInt(200), row, "a" + row);
        staged.add(next);
        sort.add(new StagedRow(next.ordinal(), new SourceRow("transactions.csv", row, new RowCells(columns,
            new String[] {"P" + next.ordinal(), next.amount()}))));
      }
      assertTrue(files() > 300, "runs staged: " + files());

      List<Staged> read = new ArrayList<>();
      try (ExternalSort.Cursor<StagedRow> cursor = sort.sorted()) {
        for (StagedRow next = cursor.next(); next != null; next = cursor.next()) {
          assertEquals("P" + next.ordinal(), next.row().get("code"));
          assertEquals("transactions.csv", next.row().file());
          read.add(new Staged(next.ordinal(), next.row().row(), next.row().get("amount")));
        }
      }
      staged.sort(Comparator.comparingInt(Staged::ordinal).thenComparingLong(Staged::row));
      assertEquals(staged, read);
    }
    assertEquals(0, files());
  }

  @Test
  void rowsInActivityOrderAreOnDiskAsTheyCome() throws Exception {
    try (ExternalSort<StagedRow> sort = StagedRow.sort(scratch.dir(), "rows", TableName.csv("projects.csv"), columns, StagedRow.CHUNK_ROWS)) {
      sort.add(new StagedRow(0, new SourceRow("projects.csv", 2, new RowCells(columns, new String[] {"A", "1"}))));
      assertEquals(1, files(), "nothing held in memory, however few the rows");
      sort.add(new StagedRow(1, new SourceRow("projects.csv", 3, new RowCells(columns, new String[] {"B", "2"}))));
      assertEquals(List.of(2L, 3L), read(sort).stream().map(SourceRow::row).toList());
    }
  }

  @Test
  void cellsComeBackAsReadUnderTheFilesColumns() throws Exception {
    String long64k = "x".repeat(70_000); // longer than writeUTF allows
    try (ExternalSort<StagedRow> sort = StagedRow.sort(scratch.dir(), "rows", TableName.csv("sectors.csv"), columns, StagedRow.CHUNK_ROWS)) {
      sort.add(new StagedRow(1, new SourceRow("sectors.csv", 2, new RowCells(columns, new String[] {"CN-项目-1", ""}))));
      sort.add(new StagedRow(0, new SourceRow("sectors.csv", 3, new RowCells(columns, new String[] {"A", long64k}))));
      // A row whose cells are not over the file's columns: staged by name, a missing one empty.
      sort.add(new StagedRow(0, new SourceRow("sectors.csv", 4, Map.of("code", "B"))));
      List<SourceRow> rows = read(sort);
      assertEquals(List.of(3L, 4L, 2L), rows.stream().map(SourceRow::row).toList());
      assertEquals(long64k, rows.get(0).cells().get("amount"));
      assertEquals(List.of("B", ""), List.copyOf(rows.get(1).cells().values()));
      assertEquals(List.of("CN-项目-1", ""), List.copyOf(rows.get(2).cells().values()));
      assertEquals(List.of("code", "amount"), List.copyOf(rows.get(2).cells().keySet()));
    }
  }
}
