package org.iatipub.validation;

import java.util.Optional;

/**
 * The official IATI Validator's ids for what is wrong with a file as a whole. They come before the
 * record checks and are the only findings it calls critical: a file that is not well-formed, not
 * IATI, or of a version no longer supported gets that one finding and nothing more; one that breaks
 * the schema is still checked record by record.
 */
public enum FileLevelRule {
  NOT_WELL_FORMED("0.1.1", "the file is well-formed XML (not empty, not cut off, in its declared encoding, with no DOCTYPE)"),
  NOT_IATI("0.2.1", "the root element is <iati-activities> or <iati-organisations>"),
  SCHEMA("0.3.1", "the file conforms to the IATI 2.03 XML Schema (the message names the schema constraint)"),
  UNSUPPORTED_VERSION("0.6.1", "the file declares a supported IATI version (2.01, 2.02 or 2.03; version 1 is retired)");

  private final String id;
  private final String description;

  FileLevelRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  /** What the rule asks of a file, in one line. */
  public String description() {
    return description;
  }

  /** The file-level rule a finding's id names, if it names one. */
  public static Optional<FileLevelRule> of(String ruleId) {
    for (FileLevelRule rule : values()) {
      if (rule.id.equals(ruleId)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
