package org.iatipub.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one file and where each is, shared by all its rows, so that a row is one array of
 * cells rather than a map of its own (millions of rows are read per night).
 *
 * @param names the column names, in order
 * @param positions each name's index in {@code names}
 */
record ColumnIndex(List<String> names, Map<String, Integer> positions) {
  ColumnIndex(List<String> names) {
    this(List.copyOf(names), index(names));
  }

  ColumnIndex {
    names = List.copyOf(names);
    positions = Map.copyOf(positions);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(names.get(i), i);
    }
    return positions;
  }
}
