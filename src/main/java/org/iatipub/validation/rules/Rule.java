package org.iatipub.validation.rules;

import java.util.Objects;
import java.util.Set;
import org.iatipub.finding.Severity;
import org.iatipub.validation.DocumentKind;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * One entry of the catalogue: a rule that iatipub runs, so {@code iatipub rules} can say what a
 * clean report means.
 *
 * @param id the official IATI Validator rule id where one exists (e.g. {@code 2.1.2}), otherwise
 *     the project's own id
 * @param severity how much a breach matters
 * @param appliesTo the kinds of file the rule looks at
 * @param description what the rule checks, in one line
 */
public record Rule(String id, Severity severity, Set<DocumentKind> appliesTo, String description) {
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    appliesTo = Set.copyOf(appliesTo);
    Objects.requireNonNull(description, "description");
  }

  static Rule activity(String id, Severity severity, String description) {
    return new Rule(id, severity, Set.of(DocumentKind.ACTIVITIES), description);
  }

  static Rule organisation(String id, Severity severity, String description) {
    return new Rule(id, severity, Set.of(DocumentKind.ORGANISATIONS), description);
  }

  static Rule both(String id, Severity severity, String description) {
    return new Rule(id, severity, Set.of(DocumentKind.ACTIVITIES, DocumentKind.ORGANISATIONS), description);
  }

  /** Reports a breach of this rule at {@code at}. */
  void report(Reporter reporter, Node at, String message) {
    reporter.report(severity, id, at, message);
  }
}
