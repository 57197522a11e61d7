package org.iatipub;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official IATI reference material in {@code ../shared/iati} (and the OECD-DAC and UN CEB
 * facts in {@code ../shared/standards}). Tests that need it run whenever it is there; without it
 * they skip with a message on a developer's machine, and fail in CI ({@code CI=true}), where a
 * silent skip would hide lost coverage.
 */
public final class SharedIati {
  private SharedIati() {}

  /** The project directory: Maven tells the tests, an IDE usually runs them from there. */
  public static Path projectDir() {
    String fromMaven = System.getenv("IATIPUB_PROJECT_DIR");
    return Path.of(fromMaven != null ? fromMaven : System.getProperty("user.dir")).toAbsolutePath();
  }

  /** {@code ../shared/iati/<parts>}, or a skip (fail in CI) when it is missing. */
  public static Path require(String... parts) {
    return requireShared("iati", "the official IATI reference material", parts);
  }

  /** {@code ../shared/standards/<parts>} (the OECD-DAC and UN CEB reference facts), or a skip (fail in CI). */
  public static Path requireStandards(String... parts) {
    return requireShared("standards", "the OECD-DAC and UN CEB reference material", parts);
  }

  private static Path requireShared(String folder, String what, String... parts) {
    Path dir = projectDir().resolveSibling("shared").resolve(folder);
    Path path = dir.resolve(String.join("/", parts));
    if (!Files.exists(path)) {
      MissingReference.skipOrFail(what + " " + path + " is missing; place the shared/ folder beside the project to run this test");
    }
    return path;
  }
}
