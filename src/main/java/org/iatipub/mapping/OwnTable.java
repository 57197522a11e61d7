package org.iatipub.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CSV files of the organisation's own form that have named fields ({@link OwnField}). The
 * mapping file names, per field, the column that feeds it (and the crosswalk for coded fields).
 * Every file but {@code projects} links its rows to a project through its {@code project} field.
 */
public enum OwnTable {
  PROJECTS("projects", ""),
  PARTICIPANTS("participants", "participating-org"),
  SECTORS("sectors", "sector"),
  COUNTRIES("countries", "recipient-country", "recipient-region"),
  POLICY_MARKERS("policy-markers", "policy-marker"),
  LOCATIONS("locations", "location"),
  DOCUMENTS("documents", "document-link"),
  TRANSACTIONS("transactions", "transaction"),
  BUDGETS("budgets", "budget"),
  DELIVERABLES("deliverables", "result");

  private final String key;
  private final List<String> elements;

  OwnTable(String key, String... elements) {
    this.key = key;
    this.elements = List.of(elements);
  }

  /**
   * The element a row makes in the activity ("" for the activity itself), which paths in this file
   * start from: two for {@code countries}, whose rows make a recipient country or a region.
   */
  public List<String> elements() {
    return elements;
  }

  /** The name used in the mapping file, and the default file name without {@code .csv}. */
  public String key() {
    return key;
  }

  /** Its named fields, in the catalogue's order (worked out on demand: the two enums refer to each other). */
  public List<OwnField> fields() {
    return Arrays.stream(OwnField.values()).filter(f -> f.table() == this).toList();
  }

  /** The field with this key in the mapping file, if the file has one. */
  public Optional<OwnField> field(String key) {
    return Arrays.stream(OwnField.values()).filter(f -> f.table() == this && f.key().equals(key)).findFirst();
  }

  /** The field that links a row to its activity. */
  public OwnField linkField() {
    return fields().stream().filter(f -> f.kind() == OwnField.Kind.LINK).findFirst().orElseThrow();
  }

  public static Optional<OwnTable> byKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
