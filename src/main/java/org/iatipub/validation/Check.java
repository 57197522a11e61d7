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

  /**
   * True when the check keeps state from one record to the next (identifiers seen, for example):
   * it must see every record of the file, in order, in one instance. A check that does not (the
   * default) judges each record on its own, so records may be checked on several threads, with an
   * instance per thread.
   */
  default boolean spansRecords() {
    return false;
  }
}
