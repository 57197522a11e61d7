package org.iatipub.source;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The cells of one row as an unmodifiable map in column order, over its file's shared
 * {@link ColumnIndex}: one array per row instead of a hash map per row.
 */
final class RowCells extends AbstractMap<String, String> {
  private final ColumnIndex columns;
  private final String[] values;

  /** {@code values} is taken over, not copied: the caller hands it on and keeps no reference. */
  RowCells(ColumnIndex columns, String[] values) {
    if (values.length != columns.names().size()) {
      throw new IllegalArgumentException(values.length + " cells for " + columns.names().size() + " columns");
    }
    this.columns = columns;
    this.values = values;
  }

  ColumnIndex columns() {
    return columns;
  }

  String at(int index) {
    return values[index];
  }

  @Override
  public String get(Object column) {
    Integer index = columns.positions().get(column);
    return index == null ? null : values[index];
  }

  @Override
  public boolean containsKey(Object column) {
    return columns.positions().containsKey(column);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(columns.names().get(i), values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
