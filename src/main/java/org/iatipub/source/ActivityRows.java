package org.iatipub.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iatipub.finding.Finding;

/**
 * The rows that make one activity: its row in the main file and the rows of the other files that
 * name it, in file order. Mapping turns one of these into one activity.
 *
 * @param id the activity's id as the files write it (a project id, or an IATI identifier)
 * @param main its row in the main file
 * @param children rows of the other files, by the caller's name for each file, in row order
 * @param findings problems found while linking rows to it (a duplicate id withholds it)
 */
public record ActivityRows(String id, SourceRow main, Map<String, List<SourceRow>> children, List<Finding> findings) {
  public ActivityRows {
    Map<String, List<SourceRow>> copy = new LinkedHashMap<>();
    children.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    children = Collections.unmodifiableMap(copy);
    findings = List.copyOf(findings);
  }

  /** The rows of one linked file (empty when it has none for this activity). */
  public List<SourceRow> children(String key) {
    return children.getOrDefault(key, List.of());
  }

  /**
   * Every row that feeds this activity, each once: they are published or withheld together. A
   * file that two of the mapping's entries read gives its rows to both, but it is one row to count.
   */
  public List<SourceRow> allRows() {
    Set<String> seen = new HashSet<>();
    List<SourceRow> all = new ArrayList<>();
    all.add(main);
    seen.add(main.file() + '\n' + main.row());
    for (List<SourceRow> rows : children.values()) {
      for (SourceRow row : rows) {
        if (seen.add(row.file() + '\n' + row.row())) {
          all.add(row);
        }
      }
    }
    return all;
  }
}
