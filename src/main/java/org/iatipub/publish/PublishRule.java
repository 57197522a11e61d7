package org.iatipub.publish;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules the publishing stage reports under its own ids ({@code publish/…}): what is withheld
 * from a release, and why.
 */
public enum PublishRule implements PipelineRule {
  WITHHELD("publish/withheld", Severity.ERROR,
      "an activity or organisation is withheld because of the errors reported before it"),
  SET_INCOMPLETE("publish/set-incomplete", Severity.ERROR,
      "a file of a set could not be read to its end, so nothing of the set is published"),
  NOT_IN_IATI("publish/not-in-iati", Severity.ERROR,
      "a value has no place in IATI 2.03, so it would be lost and its activity is withheld");

  private final Spec spec;

  PublishRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
