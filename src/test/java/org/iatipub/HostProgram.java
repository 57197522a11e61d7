package org.iatipub;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program of the machine that a test runs as an independent reference (xmllint, a browser).
 * Like {@link SharedIati}: without it a test skips with a message on a developer's machine, and
 * fails in CI ({@code CI=true}), where {@code .ci/run} installs it, so coverage is never lost
 * silently.
 */
public final class HostProgram {
  private HostProgram() {}

  /** The program's path on the {@code PATH}, or a skip (fail in CI) naming the Debian package to install. */
  public static Path require(String program, String debianPackage) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = program + " is not installed (Debian package " + debianPackage + "); this test needs it";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: failing instead of skipping; .ci/run installs it)");
    }
    abort(message);
    return null;
  }
}
