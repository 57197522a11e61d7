package org.iatipub.validation.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iatipub.scratch.ScratchDir;

/** The scratch index directories this test JVM has open for a purpose, as DiskIndex names them. */
final class ScratchDirs {
  private ScratchDirs() {}

  static List<Path> of(String purpose) throws IOException {
    String prefix = ScratchDir.PREFIX + ProcessHandle.current().pid() + "-index-" + purpose + "-";
    try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return dirs.filter(dir -> dir.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
