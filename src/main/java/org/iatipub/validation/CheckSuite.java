package org.iatipub.validation;

import java.util.List;
import java.util.function.Supplier;

/**
 * The checks to run on a file beyond the schema. Each file gets fresh check instances, since
 * checks may keep per-file state.
 */
public record CheckSuite(List<Supplier<Check>> checks) {
  public CheckSuite {
    checks = List.copyOf(checks);
  }

  /** Schema validation only. */
  public static CheckSuite none() {
    return new CheckSuite(List.of());
  }

  /** New instances of every check, for one file. */
  public List<Check> forOneFile() {
    return checks.stream().map(Supplier::get).toList();
  }
}
