package org.iatipub.scratch;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How a record of type {@code T} is written to a scratch file and read back, for an {@link ExternalSort}. */
public interface RecordFormat<T> {
  void write(DataOutput out, T record) throws IOException;

  /** Reads back one record as {@link #write} wrote it; never null. */
  T read(DataInput in) throws IOException;

  /**
   * Writes a text of any length, or null, for {@link #readText}. Not {@code writeUTF}, which stops
   * at 64 KB: scratch records carry CSV cells and identifiers, which may be as long as they like.
   */
  static void writeText(DataOutput out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** A text as {@link #writeText} wrote it. */
  static String readText(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
