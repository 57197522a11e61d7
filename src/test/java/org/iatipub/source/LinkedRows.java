package org.iatipub.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;

/**
 * The rows of a set of files grouped by activity: each row of the main file starts an activity,
 * and rows of the other files join the activity whose id they name. A row that names no id, or an
 * id the main file does not have, is rejected with a finding, so every row ends up either in an
 * activity or reported.
 *
 * <p>The straightforward in-memory join, kept in the tests as the reference the streaming {@link
 * ActivityJoin} must agree with.
 *
 * @param activities in main-file order
 * @param rejected rows that belong to no activity
 * @param findings why each was rejected, and duplicate ids
 */
public record LinkedRows(List<ActivityRows> activities, List<SourceRow> rejected, List<Finding> findings) {

  /** A file to link and the column in it that holds the activity id. */
  public record Linked(CsvTable table, String idColumn) {}

  /**
   * Links {@code children} (by the caller's name for each file) to the rows of {@code main}.
   * {@code what} names the id in messages, e.g. "project id".
   */
  public static LinkedRows link(Linked main, Map<String, Linked> children, String what) {
    List<SourceRow> rejected = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, SourceRow> mainRows = new LinkedHashMap<>();
    Map<String, List<Finding>> activityFindings = new HashMap<>();
    String idColumn = main.idColumn();
    for (SourceRow row : main.table().rows()) {
      String id = row.get(idColumn);
      if (id.isEmpty()) {
        rejected.add(row);
        findings.add(Finding.error("source/missing-id", row.cell(idColumn),
            "the " + what + " is empty; every row needs one, so this row is not published"));
        continue;
      }
      SourceRow first = mainRows.putIfAbsent(id, row);
      if (first != null) {
        rejected.add(row);
        findings.add(Finding.error("source/duplicate-id", row.cell(idColumn),
            "the " + what + " '" + id + "' is also in row " + first.row()
                + "; ids must be unique, so neither row is published"));
        activityFindings.computeIfAbsent(id, k -> new ArrayList<>()).add(Finding.error("source/duplicate-id",
            first.cell(idColumn), "the " + what + " '" + id + "' appears again in row " + row.row()
                + "; ids must be unique, so this activity is withheld"));
      }
    }
    Map<String, Map<String, List<SourceRow>>> childRows = new HashMap<>();
    children.forEach((key, linked) -> {
      for (SourceRow row : linked.table().rows()) {
        String id = row.get(linked.idColumn());
        if (id.isEmpty()) {
          rejected.add(row);
          findings.add(Finding.error("source/missing-id", row.cell(linked.idColumn()),
              "the " + what + " is empty, so this row belongs to no activity and is not published"));
        } else if (!mainRows.containsKey(id)) {
          rejected.add(row);
          findings.add(Finding.error("source/unknown-id", row.cell(linked.idColumn()),
              "no row of " + main.table().file() + " has the " + what + " '" + id + "', so this row is not published"));
        } else {
          childRows.computeIfAbsent(id, k -> new LinkedHashMap<>())
              .computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
      }
    });
    List<ActivityRows> activities = new ArrayList<>();
    mainRows.forEach((id, row) -> activities.add(new ActivityRows(id, row,
        childRows.getOrDefault(id, Map.of()), activityFindings.getOrDefault(id, List.of()))));
    return new LinkedRows(activities, rejected, findings);
  }
}
