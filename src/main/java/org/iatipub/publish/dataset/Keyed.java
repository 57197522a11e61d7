package org.iatipub.publish.dataset;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;

/**
 * A record as the commit sorts it on disk (this run's decisions, the new state's entries, the
 * removed ones): a key, compared as Java strings compare (the state file's order), and its value,
 * encoded by its owner. Records of equal keys keep the order they were added in.
 */
record Keyed(String key, byte[] value) {
  /** Bytes of records held in memory before they are written as a run. */
  static final long BUDGET = 1L << 20;
  /** A rough size of a record's objects beyond its key and value. */
  private static final int OVERHEAD = 96;

  static final Comparator<Keyed> BY_KEY = Comparator.comparing(Keyed::key);

  static final RecordFormat<Keyed> FORMAT = new RecordFormat<>() {
    @Override
    public void write(DataOutput out, Keyed record) throws IOException {
      RecordFormat.writeText(out, record.key());
      out.writeInt(record.value().length);
      out.write(record.value());
    }

    @Override
    public Keyed read(DataInput in) throws IOException {
      String key = RecordFormat.readText(in);
      byte[] value = new byte[in.readInt()];
      in.readFully(value);
      return new Keyed(key, value);
    }
  };

  /** Records sorted by key in {@code dir}, as files {@code name-0}, {@code name-1}, …; in memory while few. */
  static ExternalSort<Keyed> sort(ScratchDir dir, String name) {
    return sort(dir, name, BUDGET);
  }

  static ExternalSort<Keyed> sort(ScratchDir dir, String name, long budget) {
    return new ExternalSort<>(dir, name, FORMAT, BY_KEY,
        new ExternalSort.Budget<>(budget, r -> 2L * r.key().length() + r.value().length + OVERHEAD, false));
  }
}
