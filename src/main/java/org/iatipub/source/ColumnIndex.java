package org.iatipub.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The columns of one table and where each is, shared by all its rows, so that a row is one array
 * of cells rather than a map of its own (millions of rows are read per night).
 *
 * @param names the column names, in order
 * @param positions each name's index in {@code names}
 * @param numbers each column's number in its table (A is 1): in a sheet, columns with no name in
 *     the header row are left out of {@code names}, so the numbers can skip
 */
record ColumnIndex(List<String> names, Map<String, Integer> positions, List<Integer> numbers) {
  /** Columns numbered 1, 2, 3 … as in a CSV file. */
  ColumnIndex(List<String> names) {
    this(names, IntStream.rangeClosed(1, names.size()).boxed().toList());
  }

  ColumnIndex(List<String> names, List<Integer> numbers) {
    this(List.copyOf(names), index(names), numbers);
  }

  ColumnIndex {
    names = List.copyOf(names);
    positions = Map.copyOf(positions);
    numbers = List.copyOf(numbers);
    if (numbers.size() != names.size()) {
      throw new IllegalArgumentException(numbers.size() + " column numbers for " + names.size() + " columns");
    }
  }

  /** The table's number of the column named {@code name} (A is 1), or 0 when there is none. */
  int number(String name) {
    Integer position = positions.get(name);
    return position == null ? 0 : numbers.get(position);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(names.get(i), i);
    }
    return positions;
  }
}
