package org.iatipub.publish.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.ScratchDir;

/**
 * What this run decided for each record of every set: published (with its new state entry) or
 * withheld. Kept in an {@link ExternalSort} as the records come, in input order, and read back at the
 * commit grouped by set, in the order the sets were started, and within a set by identifier: the
 * order of the state file and of the change report.
 */
final class RunRecords implements Closeable {
  private static final byte PUBLISHED = 'P';
  private static final byte WITHHELD = 'W';

  private final ExternalSort<Keyed> spill;
  /** Each set's place in the order the sets were started (a few sets, not records). */
  private final Map<String, Integer> sets = new LinkedHashMap<>();

  RunRecords(ScratchDir dir) {
    this.spill = Keyed.sort(dir, "run-records");
  }

  /** Told of each record once, with everything this run decided for its identifier. */
  interface Visit {
    /**
     * @param published the entry of the record published, or null; when one identifier was
     *     published twice, the last one (as a later record replaces an earlier one)
     * @param withheld true when a record with the identifier was withheld
     */
    void record(String set, String identifier, PublishState.Entry published, boolean withheld) throws IOException;
  }

  synchronized void start(String set) {
    sets.putIfAbsent(set, sets.size());
  }

  void published(String set, String identifier, PublishState.Entry entry) throws IOException {
    spill.add(new Keyed(key(set, identifier), RecordBytes.of(out -> {
      out.writeByte(PUBLISHED);
      entry.writeTo(out);
    })));
  }

  void withheld(String set, String identifier) throws IOException {
    spill.add(new Keyed(key(set, identifier), new byte[] {WITHHELD}));
  }

  /** Every identifier's records, by set then identifier; once only. */
  void forEach(Visit visit) throws IOException {
    List<String> names = List.copyOf(sets.keySet());
    try (ExternalSort.Cursor<Keyed> cursor = spill.sorted()) {
      String key = null;
      PublishState.Entry published = null;
      boolean withheld = false;
      for (Keyed record = cursor.next(); record != null; record = cursor.next()) {
        if (!record.key().equals(key)) {
          if (key != null) {
            tell(visit, names, key, published, withheld);
          }
          key = record.key();
          published = null;
          withheld = false;
        }
        byte[] value = record.value();
        if (value[0] == WITHHELD) {
          withheld = true;
        } else {
          published = RecordBytes.read(value, in -> {
            in.readByte();
            return PublishState.Entry.readFrom(in);
          });
        }
      }
      if (key != null) {
        tell(visit, names, key, published, withheld);
      }
    }
  }

  @Override
  public void close() throws IOException {
    spill.close();
  }

  private static void tell(Visit visit, List<String> names, String key, PublishState.Entry published, boolean withheld)
      throws IOException {
    int split = key.indexOf('\0');
    visit.record(names.get(Integer.parseInt(key, 0, split, 10)), key.substring(split + 1), published, withheld);
  }

  /** The set's place, fixed width so that keys sort by it first, then the identifier. */
  private synchronized String key(String set, String identifier) {
    Integer place = sets.get(set);
    if (place == null) {
      throw new IllegalStateException("set " + set + " was not started");
    }
    return String.format(Locale.ROOT, "%09d", place) + '\0' + identifier;
  }
}
