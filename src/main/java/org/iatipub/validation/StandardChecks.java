package org.iatipub.validation;

import java.util.List;

/**
 * Every check that {@code validate} and {@code publish} run beyond the schema. Adding a check
 * here adds it to both commands and to {@code iatipub rules}.
 */
public final class StandardChecks {
  private StandardChecks() {}

  public static CheckSuite suite() {
    return new CheckSuite(List.of(CodelistCheck::new));
  }
}
