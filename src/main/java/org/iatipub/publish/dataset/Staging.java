package org.iatipub.publish.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hidden directory inside the output directory where a run builds its files. Being on the same
 * file system as the published files, its files move into place by renames; one left by a run that
 * was killed is deleted by the next run (under the output lock, so never a live run's).
 */
final class Staging {
  static final String PREFIX = ".iatipub-staging-";

  private Staging() {}

  static Path create(Path output) throws IOException {
    return Files.createTempDirectory(output, PREFIX);
  }

  /** Staging directories, and temporary files of older versions, left by runs that did not finish. */
  static List<Path> stale(Path output) throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(PREFIX) || name.startsWith(".") && name.endsWith(".partial");
      }).sorted().toList();
    }
  }

  static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
