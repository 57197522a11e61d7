package org.iatipub.validation;

import org.iatipub.codelist.CodelistSnapshot;

/**
 * Checks every coded value of a record against the codelist the standard names for it, following
 * the standard's vocabulary conditions: a sector code is a DAC 5-digit code under vocabulary 1 (or
 * none), a DAC 3-digit code under 2, and a publisher's own under 99, which is not checked. An
 * unknown code is an error under the official validator's id, a withdrawn one a warning under
 * {@value org.iatipub.codelist.CodelistMapping#WITHDRAWN_RULE}.
 */
public final class CodelistCheck implements Check {
  private final CodelistRules rules;

  /** Against the codelists that ship with iatipub. */
  public CodelistCheck() {
    this.rules = CodelistRules.bundled();
  }

  /** Against another snapshot (tests, or a newer import not yet bundled). */
  public CodelistCheck(CodelistSnapshot snapshot) {
    this.rules = CodelistRules.of(snapshot);
  }

  @Override
  public void root(Node root, Reporter reporter) {
    rules.checkRoot(root, reporter);
  }

  @Override
  public void record(Node record, Reporter reporter) {
    rules.checkRecord(record, reporter);
  }
}
