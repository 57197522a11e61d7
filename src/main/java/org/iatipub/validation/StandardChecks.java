package org.iatipub.validation;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.iatipub.validation.rules.IatiRules;

/**
 * Every check that {@code validate} and {@code publish} run beyond the schema. Adding a check
 * here adds it to both commands and to {@code iatipub rules}.
 */
public final class StandardChecks {
  private StandardChecks() {}

  /** The checks, with "now" (for the rules on dates in the future) taken from {@code clock}. */
  public static CheckSuite suite(Clock clock) {
    return new CheckSuite(Stream.concat(
        Stream.<Supplier<Check>>of(
            CodelistCheck::new),
        IatiRules.standard(clock).checks().stream()).toList());
  }
}
