package org.iatipub.mapping;

import java.util.List;

/**
 * The columns of path-header sheets that are not IATI paths, all starting with {@code #}: no
 * element name can, so they never clash with a path.
 *
 * <ul>
 *   <li>Item keys, {@code #} and the path of a list from the record down: {@code #result},
 *       {@code #result/indicator}. A row whose {@code #result} is 2 adds to the activity's result
 *       keyed 2 (its cells under {@code result/0/…} go there), made by whichever row names it
 *       first; so an indicator's row names its result, and a period's row its result and indicator.
 *       flatten-tool's sheets of nested lists have no such link, which is why they cannot be read back.
 *   <li>{@code #iati-activity} (or {@code #iati-organisation}): a key for the record, used in every
 *       sheet instead of the identifier to link rows, where identifiers cannot (empty, or repeated).
 *   <li>{@code #empty}: paths, apart by spaces, of elements and attributes that are there but empty
 *       ({@code <actual/>}, {@code ref=""}), as an empty cell means "not given".
 * </ul>
 */
public final class SheetColumns {
  /** What every such column starts with. */
  public static final String KEY = "#";
  /** The column listing what is there with no value. */
  public static final String EMPTY = "#empty";

  private SheetColumns() {}

  /** The key column of the list at {@code path} (element names from the record down): {@code #result/indicator}. */
  public static String key(List<String> path) {
    return KEY + String.join("/", path);
  }

  /** True for the key column of a list item ({@code #result}); not the record key nor {@code #empty}. */
  public static boolean isItemKey(String column) {
    if (!column.startsWith(KEY) || column.equals(EMPTY) || column.equals(KEY)) {
      return false;
    }
    for (PathHeaderMapping.Records records : PathHeaderMapping.Records.values()) {
      if (column.equals(records.keyColumn())) {
        return false;
      }
    }
    return true;
  }

  /** The list path of an item key column: {@code #result/indicator} gives result, indicator. */
  public static List<String> keyPath(String column) {
    return List.of(column.substring(KEY.length()).split("/", -1));
  }
}
