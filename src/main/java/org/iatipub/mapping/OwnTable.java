package org.iatipub.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV files of the organisation's own form and the IATI fields each can feed. The mapping file
 * names, per field, the column that feeds it (and the crosswalk for coded fields). Every file but
 * {@code projects} links its rows to a project through its {@code project} field.
 */
public enum OwnTable {
  PROJECTS("projects", Set.of("title", "description", "objectives", "target-groups"),
      "id", "title", "description", "objectives", "target-groups", "parent", "status", "scope",
      "planned-start", "actual-start", "planned-end", "actual-end", "currency",
      "flow-type", "finance-type", "aid-type", "tied-status", "collaboration-type"),
  PARTICIPANTS("participants", Set.of("name"),
      "project", "role", "ref", "type", "name", "crs-channel", "activity-id"),
  SECTORS("sectors", Set.of(), "project", "sector", "percentage"),
  COUNTRIES("countries", Set.of(), "project", "country", "region", "percentage"),
  POLICY_MARKERS("policy-markers", Set.of(), "project", "marker", "significance"),
  LOCATIONS("locations", Set.of("name", "description"), "project", "name", "description", "latitude", "longitude"),
  DOCUMENTS("documents", Set.of("title"), "project", "url", "format", "title", "category", "language", "date"),
  TRANSACTIONS("transactions", Set.of("description", "provider-name", "receiver-name"),
      "project", "ref", "type", "date", "value", "currency", "value-date", "description",
      "provider-ref", "provider-type", "provider-name", "provider-activity",
      "receiver-ref", "receiver-type", "receiver-name", "receiver-activity",
      "flow-type", "finance-type", "aid-type", "tied-status"),
  BUDGETS("budgets", Set.of(), "project", "type", "status", "start", "end", "value", "currency", "value-date"),
  DELIVERABLES("deliverables", Set.of("result", "result-description", "indicator"),
      "project", "deliverable", "result-type", "result", "result-description", "indicator", "measure",
      "ascending", "baseline-year", "baseline-value", "timeline", "period-start", "period-end", "target", "actual");

  private final String key;
  private final Set<String> textFields;
  private final List<String> fields;

  OwnTable(String key, Set<String> textFields, String... fields) {
    this.key = key;
    this.textFields = textFields;
    this.fields = List.of(fields);
  }

  /** The name used in the mapping file, and the default file name without {@code .csv}. */
  public String key() {
    return key;
  }

  public List<String> fields() {
    return fields;
  }

  /** Fields that take one column per language. */
  public boolean isText(String field) {
    return textFields.contains(field);
  }

  /** The field that links a row to its activity. */
  public String linkField() {
    return this == PROJECTS ? "id" : "project";
  }

  public static Optional<OwnTable> byKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
