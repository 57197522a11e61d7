package org.iatipub.publish.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.AbstractSequentialList;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import org.iatipub.scratch.ScratchDir;

/**
 * What this run changed in the published data since the previous run, record by record. A first
 * run adds every record, so the lists are as long as the input: they are kept in files (see
 * {@link ChangeList}) and read from there each time they are gone through, and only their counts
 * are held in memory. Close the report when done with it, to delete the files; a report that is
 * not closed has them deleted once it is garbage-collected, or by a later run once this process
 * is gone.
 *
 * <p>Each list is in the order of the sets as they were published, and within a set by identifier.
 */
public final class ChangeReport implements AutoCloseable {
  /** A report that is dropped unclosed still has its files deleted. Shared: a cleaner is a thread. */
  private static final Cleaner CLEANER = Cleaner.create();

  /** The four lists. */
  enum Kind { ADDED, CHANGED, REMOVED, WITHHELD }

  /**
   * One record's change.
   *
   * @param set the input set
   * @param identifier its IATI identifier
   * @param file the file it is now in (or was in, when removed or withheld); null when it never was
   */
  public record Change(String set, String identifier, String file) {}

  private final ListFiles files;
  private final Cleaner.Cleanable cleanable;
  private final int[] counts;
  private final int unchanged;

  /** The lists' files, apart from the report so that the cleaner does not keep the report alive. */
  private record ListFiles(ScratchDir dir, FileChannel[] channels) implements Runnable {
    @Override
    public void run() {
      for (FileChannel channel : channels) {
        try {
          channel.close();
        } catch (IOException e) {
          // Only closing: the files are deleted below either way.
        }
      }
      dir.close();
    }
  }

  ChangeReport(ScratchDir dir, FileChannel[] channels, int[] counts, int unchanged) {
    this.files = new ListFiles(dir, channels.clone());
    this.cleanable = CLEANER.register(this, files);
    this.counts = counts.clone();
    this.unchanged = unchanged;
  }

  /** Published now, not before (new, or back after being withheld or removed). */
  public List<Change> added() {
    return new Listed(Kind.ADDED);
  }

  /** Published before and now, with different content. */
  public List<Change> changed() {
    return new Listed(Kind.CHANGED);
  }

  /** Published before, no longer in the input. */
  public List<Change> removed() {
    return new Listed(Kind.REMOVED);
  }

  /** In the input but withheld by this run because of errors. */
  public List<Change> withheld() {
    return new Listed(Kind.WITHHELD);
  }

  /** How many records were published before and now with the same content. */
  public int unchanged() {
    return unchanged;
  }

  public boolean nothingChanged() {
    return counts[Kind.ADDED.ordinal()] == 0 && counts[Kind.CHANGED.ordinal()] == 0
        && counts[Kind.REMOVED.ordinal()] == 0;
  }

  /** Deletes the lists' files; the lists cannot be gone through afterwards. Closing again does nothing. */
  @Override
  public void close() {
    cleanable.clean();
  }

  /** The counts only: the lists may be long. */
  @Override
  public String toString() {
    return "ChangeReport[added=" + counts[0] + ", changed=" + counts[1] + ", removed=" + counts[2] + ", withheld="
        + counts[3] + ", unchanged=" + unchanged + "]";
  }

  /**
   * One list, as a view of its file: read from the start each time it is gone through, forwards
   * only, so {@code get(i)} reads i changes first.
   */
  private final class Listed extends AbstractSequentialList<Change> {
    private final Kind kind;

    Listed(Kind kind) {
      this.kind = kind;
    }

    @Override
    public int size() {
      return counts[kind.ordinal()];
    }

    @Override
    public ListIterator<Change> listIterator(int index) {
      if (index < 0 || index > size()) {
        throw new IndexOutOfBoundsException(index);
      }
      FileChannel channel = files.channels()[kind.ordinal()];
      if (!channel.isOpen()) {
        throw closed();
      }
      Reading reading = new Reading(channel, size());
      for (int i = 0; i < index; i++) {
        reading.next();
      }
      return reading;
    }
  }

  /** Goes through one list's file. */
  private static final class Reading implements ListIterator<Change> {
    private final FileChannel channel;
    private final int size;
    private final DataInputStream in;
    private int read;

    Reading(FileChannel channel, int size) {
      this.channel = channel;
      this.size = size;
      this.in = new DataInputStream(new BufferedInputStream(new Positional(channel), 1 << 13));
    }

    @Override
    public boolean hasNext() {
      return read < size;
    }

    @Override
    public Change next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (!channel.isOpen()) {
        throw closed();
      }
      try {
        Change change = ChangeList.read(in);
        read++;
        return change;
      } catch (IOException e) {
        throw new UncheckedIOException("the change list cannot be read: " + e.getMessage(), e);
      }
    }

    @Override
    public int nextIndex() {
      return read;
    }

    @Override
    public int previousIndex() {
      return read - 1;
    }

    @Override
    public boolean hasPrevious() {
      throw forwardsOnly();
    }

    @Override
    public Change previous() {
      throw forwardsOnly();
    }

    @Override
    public void remove() {
      throw readOnly();
    }

    @Override
    public void set(Change change) {
      throw readOnly();
    }

    @Override
    public void add(Change change) {
      throw readOnly();
    }

    private UnsupportedOperationException forwardsOnly() {
      return new UnsupportedOperationException("a change list is read forwards only");
    }

    private UnsupportedOperationException readOnly() {
      return new UnsupportedOperationException("a change list is read-only");
    }
  }

  private static IllegalStateException closed() {
    return new IllegalStateException("the change report is closed; its lists are gone");
  }

  /** A file read from the start by positional reads: any number at once, and nothing to close. */
  private static final class Positional extends InputStream {
    private final FileChannel channel;
    private long position;

    Positional(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }
}
