package org.iatipub.model;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules of the activity model ({@code model/…}): values it cannot hold, and activities it
 * cannot write. They are raised where the model is used (binding in mapping, writing in publish).
 */
public enum ModelRule implements PipelineRule {
  BAD_VALUE("model/bad-value", Severity.ERROR,
      "a value is not valid for the IATI data type of its place (a date, a number, a code)"),
  UNWRITABLE("model/unwritable", Severity.ERROR,
      "the model could not write an activity or organisation (a fault of iatipub, not of the input)");

  private final Spec spec;

  ModelRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
