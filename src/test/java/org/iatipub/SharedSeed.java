package org.iatipub;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The document the project was started from, in {@code ../shared/seed}: the paper GB.341/POL/4
 * and its plan as a table. Tests that compare the strategy sample with it run whenever it is
 * there; without it they skip with a message on a developer's machine, and fail in CI.
 */
public final class SharedSeed {
  private SharedSeed() {}

  /** {@code ../shared/seed/<parts>}, or a skip (fail in CI) when it is missing. */
  public static Path require(String... parts) {
    Path path = SharedIati.projectDir().resolveSibling("shared").resolve("seed").resolve(String.join("/", parts));
    if (!Files.exists(path)) {
      MissingReference.skipOrFail("the paper's plan " + path + " is missing;"
          + " place the shared/ folder beside the project to run this test");
    }
    return path;
  }
}
