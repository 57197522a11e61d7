package org.iatipub.publish.dataset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The byte form of what the dataset package keeps on disk per record (in an index, a sort run, a
 * change list): texts of any length, or null, and flags. Not {@code writeUTF}, which stops at 64 KB:
 * an identifier comes from a CSV cell, which may be as long as it likes.
 */
final class RecordBytes {
  private RecordBytes() {}

  /** Writes a record into bytes. */
  interface Content {
    void writeTo(DataOutput out) throws IOException;
  }

  /** Reads a record from bytes. */
  interface Parse<T> {
    T readFrom(DataInput in) throws IOException;
  }

  static byte[] of(Content content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try {
      content.writeTo(new DataOutputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static <T> T read(byte[] bytes, Parse<T> parse) {
    try {
      return parse.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new IllegalStateException("a record written by this run cannot be read back: " + e.getMessage(), e);
    }
  }

  static void writeText(DataOutput out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

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
