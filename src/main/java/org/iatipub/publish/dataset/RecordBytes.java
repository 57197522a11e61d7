package org.iatipub.publish.dataset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The byte form of what the dataset package keeps on disk per record (in an index, a sort run, a
 * change list), texts written with {@link org.iatipub.scratch.RecordFormat#writeText}.
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
}
