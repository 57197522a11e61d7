package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged rows come back grouped by activity, each activity's in file order, however many runs they took. */
class RowSpillTest {
  @TempDir Path dir;

  private final ColumnIndex columns = new ColumnIndex(List.of("code", "amount"));

  private record Staged(int ordinal, long row, String amount) {}

  private static long files(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void aFileFarOutOfOrderIsReadFromABoundedNumberOfRuns() throws Exception {
    SplittableRandom random = new SplittableRandom(6);
    List<Staged> staged = new ArrayList<>();
    // Chunks of three rows make hundreds of runs; at most four are read at once.
    try (RowSpill spill = new RowSpill(dir, "transactions.csv", columns, 3, 4)) {
      for (long row = 2; row < 1_002; row++) {
        Staged next = new Staged(random.nextInt(200), row, "a" + row);
        staged.add(next);
        spill.add(next.ordinal(), new SourceRow("transactions.csv", row, new RowCells(columns,
            new String[] {"P" + next.ordinal(), next.amount()})));
      }
      assertTrue(files(dir) > 300, "runs staged: " + files(dir));

      List<Staged> read = new ArrayList<>();
      try (RowSpill.Reader reader = spill.reader()) {
        assertEquals(4, files(dir));
        for (int ordinal = reader.nextOrdinal(); ordinal >= 0; ordinal = reader.nextOrdinal()) {
          SourceRow row = reader.take();
          assertEquals("P" + ordinal, row.get("code"));
          read.add(new Staged(ordinal, row.row(), row.get("amount")));
        }
      }
      staged.sort(Comparator.comparingInt(Staged::ordinal).thenComparingLong(Staged::row));
      assertEquals(staged, read);
    }
    assertEquals(0, files(dir));
  }
}
