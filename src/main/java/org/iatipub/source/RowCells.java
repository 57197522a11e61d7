package org.iatipub.source;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.iatipub.scratch.RecordFormat;

/**
 * The cells of one row as an unmodifiable map in column order, over its file's shared
 * {@link ColumnIndex}: one array per row instead of a hash map per row.
 *
 * <p>A row read back from staging holds its cells as the bytes they were staged in (each cell's
 * length, then its UTF-8 bytes, as {@link RecordFormat#writeText} writes them) and makes their
 * texts only when first asked: an activity published again unchanged needs its rows' bytes for its
 * fingerprint, not their texts.
 */
final class RowCells extends AbstractMap<String, String> {
  private final ColumnIndex columns;
  private final byte[] encoded;
  private volatile String[] texts;

  /** {@code values} is taken over, not copied: the caller hands it on and keeps no reference. */
  RowCells(ColumnIndex columns, String[] values) {
    if (values.length != columns.names().size()) {
      throw new IllegalArgumentException(values.length + " cells for " + columns.names().size() + " columns");
    }
    this.columns = columns;
    this.texts = values;
    this.encoded = null;
  }

  private RowCells(ColumnIndex columns, byte[] encoded) {
    this.columns = columns;
    this.encoded = encoded;
  }

  /** A row's cells as staged ({@link #encoded}), their texts made when first asked. */
  static RowCells staged(ColumnIndex columns, byte[] encoded) {
    return new RowCells(columns, encoded);
  }

  ColumnIndex columns() {
    return columns;
  }

  String at(int index) {
    return texts()[index];
  }

  /** The cells as bytes: for each, its UTF-8 length (4 bytes, high byte first), then its UTF-8 bytes. */
  ByteBuffer encoded() {
    return ByteBuffer.wrap(bytes()).asReadOnlyBuffer();
  }

  /** As {@link #encoded}, the array itself when the row has one: for staging, which only reads it. */
  byte[] bytes() {
    return encoded != null ? encoded : encode(texts);
  }

  /** The bytes of {@link #encoded} for these texts. Every row read is staged so: made in one array, without streams. */
  static byte[] encode(String[] values) {
    byte[][] cells = new byte[values.length][];
    int size = 0;
    for (int i = 0; i < values.length; i++) {
      cells[i] = values[i].getBytes(StandardCharsets.UTF_8);
      size += Integer.BYTES + cells[i].length;
    }
    byte[] encoded = new byte[size];
    int at = 0;
    for (byte[] cell : cells) {
      int length = cell.length;
      encoded[at] = (byte) (length >>> 24);
      encoded[at + 1] = (byte) (length >>> 16);
      encoded[at + 2] = (byte) (length >>> 8);
      encoded[at + 3] = (byte) length;
      System.arraycopy(cell, 0, encoded, at + Integer.BYTES, length);
      at += Integer.BYTES + length;
    }
    return encoded;
  }

  /** The texts, made from the staged bytes once; any thread may ask (two may make them, to the same end). */
  private String[] texts() {
    String[] made = texts;
    if (made == null) {
      made = new String[columns.names().size()];
      ByteBuffer bytes = ByteBuffer.wrap(encoded);
      for (int i = 0; i < made.length; i++) {
        int length = bytes.getInt();
        made[i] = new String(encoded, bytes.position(), length, StandardCharsets.UTF_8);
        bytes.position(bytes.position() + length);
      }
      texts = made;
    }
    return made;
  }

  @Override
  public String get(Object column) {
    Integer index = columns.positions().get(column);
    return index == null ? null : texts()[index];
  }

  @Override
  public boolean containsKey(Object column) {
    return columns.positions().containsKey(column);
  }

  @Override
  public int size() {
    return columns.names().size();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    String[] cells = texts();
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < cells.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= cells.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(columns.names().get(i), cells[i]);
          }
        };
      }

      @Override
      public int size() {
        return cells.length;
      }
    };
  }
}
