package org.iatipub.publish.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.iatipub.scratch.DiskIndex;
import org.iatipub.scratch.RecordFormat;

/**
 * The previous run's {@link PublishState}, read into a {@link DiskIndex} (off the heap) so that
 * each record of this run finds its previous entry, whatever the number of records. Looking a record
 * up marks its entry as seen: at the commit, an entry of a published set that no record of this
 * run saw is one the input no longer has. Lookups may come from any thread, one at a time.
 */
final class PreviousState implements Closeable {
  private static final byte WITHHELD = 1;
  private static final byte SEEN = 2;

  private final DiskIndex entries;
  private final Set<String> sets;

  private PreviousState(DiskIndex entries, Set<String> sets) {
    this.entries = entries;
    this.sets = Collections.unmodifiableSet(sets);
  }

  /** Told of each entry, with whether this run saw its record. */
  interface Visit {
    void entry(String set, String identifier, PublishState.Entry entry, boolean seen) throws IOException;
  }

  /** The state in {@code output}, empty when there is none (the first run). */
  static PreviousState readFrom(Path output) throws IOException {
    Path file = output.resolve(PublishState.FILE);
    DiskIndex entries = DiskIndex.create("previous-state");
    Set<String> sets = new TreeSet<>();
    try {
      if (Files.isRegularFile(file)) {
        PublishState.read(file, new PublishState.Reader() {
          @Override
          public void set(String set) {
            sets.add(set);
          }

          @Override
          public void entry(String set, String identifier, PublishState.Entry entry) {
            entries.put(key(set, identifier), encode(entry, false));
          }
        });
      }
      return new PreviousState(entries, sets);
    } catch (IOException | RuntimeException e) {
      entries.close();
      throw e;
    }
  }

  /** The sets the previous run published (few: one per input set, and the organisation file). */
  Set<String> sets() {
    return sets;
  }

  /** The entry of a record, or null when the previous run had none; marks it seen. */
  synchronized PublishState.Entry lookUp(String set, String identifier) {
    String key = key(set, identifier);
    byte[] value = entries.get(key);
    if (value == null) {
      return null;
    }
    if ((value[0] & SEEN) == 0) {
      value[0] |= SEEN;
      entries.put(key, value); // the same length: rewritten in place
    }
    return decode(value);
  }

  /** The entry of a record, or null; leaves it as it was. */
  synchronized PublishState.Entry get(String set, String identifier) {
    byte[] value = entries.get(key(set, identifier));
    return value == null ? null : decode(value);
  }

  /** Every entry, in the order of the previous state file. */
  synchronized void forEach(Visit visit) throws IOException {
    try {
      entries.forEach((key, value) -> {
        int split = key.indexOf('\0');
        try {
          visit.entry(key.substring(0, split), key.substring(split + 1), decode(value), (value[0] & SEEN) != 0);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Deletes the index's files. */
  @Override
  public synchronized void close() {
    entries.close();
  }

  /** Set names are directory or file names, which hold no NUL: the key splits at the first. */
  private static String key(String set, String identifier) {
    return set + '\0' + identifier;
  }

  private static byte[] encode(PublishState.Entry entry, boolean seen) {
    return RecordBytes.of(out -> {
      out.writeByte((entry.withheld() ? WITHHELD : 0) | (seen ? SEEN : 0));
      RecordFormat.writeText(out, entry.sha256());
      RecordFormat.writeText(out, entry.lastUpdated());
      RecordFormat.writeText(out, entry.file());
      RecordFormat.writeText(out, entry.portfolio());
    });
  }

  private static PublishState.Entry decode(byte[] value) {
    return RecordBytes.read(value, in -> {
      byte flags = in.readByte();
      return new PublishState.Entry(RecordFormat.readText(in), RecordFormat.readText(in), RecordFormat.readText(in),
          (flags & WITHHELD) != 0, RecordFormat.readText(in));
    });
  }
}
