package org.iatipub.mapping;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules of a crosswalk file ({@code crosswalk/…}), which translates local codes to IATI codes:
 * what makes an entry unusable.
 */
public enum CrosswalkRule implements PipelineRule {
  COLUMN_MISSING("crosswalk/column-missing", Severity.ERROR, "a crosswalk lacks one of its columns (local_code, iati_code)"),
  INCOMPLETE_ENTRY("crosswalk/incomplete-entry", Severity.ERROR,
      "an entry of a crosswalk lacks its local code or its IATI code"),
  CONFLICTING_ENTRY("crosswalk/conflicting-entry", Severity.ERROR, "a crosswalk translates one local code twice");

  private final Spec spec;

  CrosswalkRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
