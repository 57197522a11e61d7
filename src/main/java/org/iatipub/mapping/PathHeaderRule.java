package org.iatipub.mapping;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules of the path-header form ({@code path-header/…}), whose column headers are IATI paths:
 * what makes a header or a row's keys unusable.
 */
public enum PathHeaderRule implements PipelineRule {
  BAD_HEADER("path-header/bad-header", Severity.ERROR, "a column header is not an IATI path or item key"),
  MISSING_KEY("path-header/missing-key", Severity.ERROR,
      "a row names an item inside another but not which one (the outer key is empty)"),
  UNDECLARED_PREFIX("path-header/undeclared-prefix", Severity.ERROR,
      "a path uses a namespace prefix that the row declares no namespace for"),
  GIVEN_TWICE("path-header/given-twice", Severity.ERROR, "two rows with the same keys give one value of an item twice");

  private final Spec spec;

  PathHeaderRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
