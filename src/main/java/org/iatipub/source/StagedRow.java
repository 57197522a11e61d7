package org.iatipub.source;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;

/**
 * A row of a file staged on disk, tagged with the ordinal of the activity it belongs to (activities
 * are numbered from 0), to be read back grouped by activity, each activity's rows in file order.
 * Staging also means publishing reads exactly the rows the first pass checked, even if a file
 * changes meanwhile.
 */
record StagedRow(int ordinal, SourceRow row) {
  /** Rows held at once when a file is out of order: bounds memory, and the number of runs to merge. */
  static final int CHUNK_ROWS = 20_000;
  /** By activity alone: the sort keeps the rows of one activity in the order staged, file order. */
  static final Comparator<StagedRow> BY_ACTIVITY = Comparator.comparingInt(StagedRow::ordinal);

  /**
   * The rows of {@code table} sorted by activity, as files {@code name-0}, {@code name-1}, … in
   * {@code dir}. Every row goes to disk, so memory stays flat however big the file: as it comes
   * when in activity order (the usual export), else gathered in chunks of {@code chunkRows}.
   */
  static ExternalSort<StagedRow> sort(ScratchDir dir, String name, TableName table, ColumnIndex columns, int chunkRows) {
    return new ExternalSort<>(dir, name, new Format(table, columns), BY_ACTIVITY,
        new ExternalSort.Budget<>(chunkRows, row -> 1, true));
  }

  /**
   * The ordinal, the row number and the cells of the table's columns (their length in bytes, then
   * each as {@link RecordFormat#writeText} writes it); read back as a row of {@code table} whose
   * cells keep those bytes ({@link RowCells#staged}).
   */
  private record Format(TableName table, ColumnIndex columns) implements RecordFormat<StagedRow> {
    @Override
    public void write(DataOutput out, StagedRow staged) throws IOException {
      out.writeInt(staged.ordinal());
      out.writeLong(staged.row().row());
      byte[] cells;
      if (staged.row().cells() instanceof RowCells row && row.columns() == columns) {
        cells = row.bytes();
      } else {
        String[] values = new String[columns.names().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = staged.row().cells().getOrDefault(columns.names().get(i), "");
        }
        cells = RowCells.encode(values);
      }
      out.writeInt(cells.length);
      out.write(cells);
    }

    @Override
    public StagedRow read(DataInput in) throws IOException {
      int ordinal = in.readInt();
      long row = in.readLong();
      byte[] cells = new byte[in.readInt()];
      in.readFully(cells);
      return new StagedRow(ordinal, new SourceRow(table, row, RowCells.staged(columns, cells)));
    }
  }
}
