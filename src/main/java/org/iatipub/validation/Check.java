package org.iatipub.validation;

/**
 * A check beyond the schema (codelists, IATI rules) over one file's records. A fresh instance
 * serves one file, so a check may keep state across records (identifiers seen, for example).
 * Such state may be held in scratch files, which {@link #end} removes, or {@link #close} when the
 * file stops before its end.
 */
public interface Check extends AutoCloseable {

  /** The root element ({@code iati-activities} or {@code iati-organisations}), without children. */
  default void root(Node root, Reporter reporter) {}

  /** One {@code iati-activity} or {@code iati-organisation} with everything in it. */
  void record(Node record, Reporter reporter);

  /** After the last record of the file; also lets go of whatever the check kept for the file. */
  default void end(Reporter reporter) {}

  /**
   * Lets go of whatever the check kept for its file (scratch files on disk) without reporting
   * anything: for a file that stopped before {@link #end} (unreadable past some record, or its
   * run failed). After {@link #end}, or a second time, it does nothing.
   */
  @Override
  default void close() {}

  /**
   * True when the check keeps state from one record to the next (identifiers seen, for example):
   * it must see every record of the file, in order, in one instance. A check that does not (the
   * default) judges each record on its own, so records may be checked on several threads, with an
   * instance per thread.
   */
  default boolean spansRecords() {
    return false;
  }

  /**
   * For a check that spans records: whether it reads {@code node} (its attributes or text), at
   * {@code path} below the record (element names joined by {@code /}, e.g. {@code
   * transaction/provider-org}; empty for the record itself). A record published again unchanged on a
   * later night is not written again; such a check is then given only the nodes it reads, with
   * their ancestors (by name) and the same-named siblings before them (empty, so that positions
   * stay), kept from the night the record was written. What it reports from them must be what it
   * reports from the whole record. The default reads everything.
   */
  default boolean reads(String path, Node node) {
    return true;
  }
}
