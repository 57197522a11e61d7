package org.iatipub.flatten;

import java.util.List;
import java.util.Map;

/**
 * One row of one sheet as flatten makes it from a record, before the sheet's columns are known.
 * Columns are paths with every position written ({@code title/0/narrative/1/@xml:lang}); the
 * sheet drops the positions no row needs when it writes its header.
 *
 * @param sheet the sheet's name
 * @param cells column to value, values never blank
 * @param empty paths of the elements and attributes there with no value (its {@code #empty} cell)
 */
record SheetRow(String sheet, Map<String, String> cells, List<String> empty) {
  SheetRow {
    cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
    empty = List.copyOf(empty);
  }
}
