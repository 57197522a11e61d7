package org.iatipub.publish.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.iatipub.scratch.DiskIndex;

/**
 * The previous run's {@link PublishState}, read into a {@link DiskIndex} (off the heap) so that
 * each record of this run finds its previous entry, whatever the number of records. Looking a record
 * up marks its entry as seen: at the commit, an entry of a published set that no record of this
 * run saw is one the input no longer has. A second index finds a record by the fingerprint of its
 * input, for those published with one. Lookups may come from any thread, one at a time.
 */
final class PreviousState implements Closeable {
  private static final byte WITHHELD = 1;
  private static final byte SEEN = 2;

  private final DiskIndex entries;
  /** Set and input fingerprint to identifier, for the records that can be taken as they are. */
  private final DiskIndex byInput;
  private final Set<String> sets;

  private PreviousState(DiskIndex entries, DiskIndex byInput, Set<String> sets) {
    this.entries = entries;
    this.byInput = byInput;
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
    DiskIndex byInput = null;
    Set<String> sets = new TreeSet<>();
    try {
      byInput = DiskIndex.create("previous-inputs");
      DiskIndex inputs = byInput;
      if (Files.isRegularFile(file)) {
        PublishState.read(file, new PublishState.Reader() {
          @Override
          public void set(String set) {
            sets.add(set);
          }

          @Override
          public void entry(String set, String identifier, PublishState.Entry entry) {
            entries.put(key(set, identifier), encode(entry, false));
            if (entry.reuse() != null) {
              inputs.put(key(set, entry.reuse().input()), identifier.getBytes(StandardCharsets.UTF_8));
            }
          }
        });
      }
      return new PreviousState(entries, byInput, sets);
    } catch (IOException | RuntimeException e) {
      entries.close();
      if (byInput != null) {
        byInput.close();
      }
      throw e;
    }
  }

  /** The sets the previous run published (few: one per input set, and the organisation file). */
  Set<String> sets() {
    return sets;
  }

  /**
   * The entry of a record, or null when the previous run had none; marks it seen. Without what
   * lets it be taken as it is ({@link PublishState.Entry#reuse}), which a record being built needs not.
   */
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
    return decode(value, false);
  }

  /** Marks the entry of a record seen, as {@link #lookUp} does. */
  synchronized void see(String set, String identifier) {
    lookUp(set, identifier);
  }

  /** The entry of a record without what lets it be taken as it is, or null; leaves it as it was. */
  synchronized PublishState.Entry summary(String set, String identifier) {
    byte[] value = entries.get(key(set, identifier));
    return value == null ? null : decode(value, false);
  }

  /**
   * The identifier of the record of {@code set} last published from input with this fingerprint,
   * or null when none was (or not in a way that lets its bytes be taken as they are).
   */
  synchronized String identifierOf(String set, String input) {
    byte[] identifier = byInput.get(key(set, input));
    return identifier == null ? null : new String(identifier, StandardCharsets.UTF_8);
  }

  /** The entry of a record, or null; leaves it as it was. */
  synchronized PublishState.Entry get(String set, String identifier) {
    byte[] value = entries.get(key(set, identifier));
    return value == null ? null : decode(value, true);
  }

  /**
   * Every entry, in the order of the previous state file; those of the sets {@code whole} names with
   * what lets them be taken as they are, the others without.
   */
  synchronized void forEach(Visit visit, java.util.function.Predicate<String> whole) throws IOException {
    try {
      entries.forEach((key, value) -> {
        int split = key.indexOf('\0');
        String set = key.substring(0, split);
        try {
          visit.entry(set, key.substring(split + 1), decode(value, whole.test(set)), (value[0] & SEEN) != 0);
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
    try {
      entries.close();
    } finally {
      byInput.close();
    }
  }

  /** Set names are directory or file names, which hold no NUL: the key splits at the first. */
  private static String key(String set, String identifier) {
    return set + '\0' + identifier;
  }

  /** The flags first, at a fixed place, so that marking an entry seen rewrites it in place. */
  private static byte[] encode(PublishState.Entry entry, boolean seen) {
    return RecordBytes.of(out -> {
      out.writeByte((entry.withheld() ? WITHHELD : 0) | (seen ? SEEN : 0));
      entry.writeTo(out);
    });
  }

  private static PublishState.Entry decode(byte[] value, boolean withReuse) {
    return RecordBytes.read(value, in -> {
      in.readByte();
      return withReuse ? PublishState.Entry.readFrom(in) : PublishState.Entry.readSummaryFrom(in);
    });
  }
}
