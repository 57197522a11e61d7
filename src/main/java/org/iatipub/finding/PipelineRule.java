package org.iatipub.finding;

/**
 * A rule one of iatipub's own stages reports under an id of its own ({@code csv/ragged-row},
 * {@code mapping/bad-date}), as opposed to the IATI rules checked in the published XML. Each stage
 * keeps its rules in one enum implementing this, so a finding cannot carry a misspelt id and
 * {@code iatipub rules} can list them all.
 */
public interface PipelineRule {
  /**
   * What a stage declares of a rule, kept in one value so each enum of rules holds one field.
   *
   * @param id the stable id findings carry, {@code family/name}
   * @param description what the rule reports, in one line
   */
  record Spec(String id, Severity severity, String description) {}

  Spec spec();

  /** The stable id findings carry, {@code family/name}. */
  default String id() {
    return spec().id();
  }

  default Severity severity() {
    return spec().severity();
  }

  /** What the rule reports, in one line. */
  default String description() {
    return spec().description();
  }

  /** A finding of this rule at {@code location}. */
  default Finding at(Location location, String message) {
    return new Finding(severity(), id(), location, message);
  }
}
