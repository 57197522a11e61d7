package org.iatipub.flatten;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules {@code flatten} reports under its own ids ({@code flatten/…}): what of an IATI file the
 * sheets do not keep, and files it cannot flatten.
 */
public enum FlattenRule implements PipelineRule {
  INCOMPLETE("flatten/incomplete", Severity.ERROR, "a file could not be read to its end, so no sheets are written for it"),
  TOO_BIG_FOR_WORKBOOK("flatten/too-big-for-workbook", Severity.ERROR,
      "a sheet would have more rows or columns than a workbook holds"),
  NOT_KEPT("flatten/not-kept", Severity.WARNING,
      "something of the file that the sheets have no place for (root attributes, text, elements beside the records)"),
  PREFIX_RENAMED("flatten/prefix-renamed", Severity.WARNING,
      "a namespace prefix is written under another name, as one row binds each prefix once");

  private final Spec spec;

  FlattenRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
