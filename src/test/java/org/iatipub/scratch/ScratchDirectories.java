package org.iatipub.scratch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scratch directories this test JVM has for a purpose, as {@link ScratchDir} names them
 * ({@code "join"}, or {@code "index-" + purpose} for a {@link DiskIndex}): other runs on the same
 * machine come and go meanwhile, so tests look only at their own.
 */
public final class ScratchDirectories {
  private ScratchDirectories() {}

  public static List<Path> of(String purpose) throws IOException {
    String prefix = ScratchDir.PREFIX + ProcessHandle.current().pid() + "-" + purpose + "-";
    try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return dirs.filter(dir -> dir.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }
}
