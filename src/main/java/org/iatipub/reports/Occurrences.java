package org.iatipub.reports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.iatipub.scratch.DiskIndex;
import org.iatipub.scratch.ScratchDir;

/**
 * How many records of a file have had each identifier so far, to label them as the official
 * validator does: the first by its identifier, the next {@code id(2)}, then {@code id(3)}; a blank
 * identifier is {@code noIdentifier}. Past a thousand identifiers the counts move to disk.
 */
final class Occurrences implements Closeable {
  private static final int KEPT_IN_MEMORY = 1_000;
  private static final int LONGEST = 1 << 14;
  static final String NO_IDENTIFIER = "noIdentifier";

  private final ScratchDir dir;
  private Map<String, Integer> kept = new HashMap<>();
  private DiskIndex index;

  Occurrences(ScratchDir dir) {
    this.dir = dir;
  }

  /** The label of the next record with this identifier. */
  String label(String identifier) throws IOException {
    String id = identifier.isEmpty() ? NO_IDENTIFIER : identifier;
    String key = id.length() > LONGEST ? id.substring(0, LONGEST) : id;
    int count = increment(key);
    return count == 1 ? id : id + "(" + count + ")";
  }

  private int increment(String key) throws IOException {
    if (index == null) {
      int count = kept.merge(key, 1, Integer::sum);
      if (kept.size() > KEPT_IN_MEMORY) {
        index = DiskIndex.create("report-ids");
        kept.forEach((k, v) -> index.put(k, ByteBuffer.allocate(4).putInt(v).array()));
        kept = null;
      }
      return count;
    }
    byte[] was = index.get(key);
    int count = was == null ? 1 : ByteBuffer.wrap(was).getInt() + 1;
    index.put(key, ByteBuffer.allocate(4).putInt(count).array());
    return count;
  }

  @Override
  public void close() {
    if (index != null) {
      index.close();
    }
  }
}
