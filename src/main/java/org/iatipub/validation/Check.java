package org.iatipub.validation;

/**
 * A check beyond the schema (codelists, IATI rules) over one file's records. A fresh instance
 * serves one file, so a check may keep state across records (identifiers seen, for example).
 */
public interface Check {

  /** The root element ({@code iati-activities} or {@code iati-organisations}), without children. */
  default void root(Node root, Reporter reporter) {}

  /** One {@code iati-activity} or {@code iati-organisation} with everything in it. */
  void record(Node record, Reporter reporter);

  /** After the last record of the file. */
  default void end(Reporter reporter) {}
}
