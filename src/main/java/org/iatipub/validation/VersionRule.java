package org.iatipub.validation;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * iatipub's own note on a file's declared IATI version, beside the official file-level rules
 * ({@link FileLevelRule}): a supported version other than the one the schema is, checked as it.
 */
public enum VersionRule implements PipelineRule {
  CHECKED_AS_203("iati/version", Severity.WARNING,
      "the file declares IATI version 2.03 (2.01 and 2.02 files are checked as 2.03)");

  private final Spec spec;

  VersionRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
