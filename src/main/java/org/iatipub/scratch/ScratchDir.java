package org.iatipub.scratch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A directory of its own under the system's temporary directory, for files a run writes and reads
 * back (staged rows, sort runs, indexes, the change lists) instead of holding them on the heap. Closing deletes it and
 * its files. A killed run cannot; the next one does, recognising the directory by the process id
 * in its name, and leaves those of live runs alone.
 */
public final class ScratchDir implements Closeable {
  /** Directories are named {@code iatipub-scratch-<pid>-<purpose>-…} in the temporary directory. */
  public static final String PREFIX = "iatipub-scratch-";

  private final Path path;

  private ScratchDir(Path path) {
    this.path = path;
  }

  /** A new, empty directory; {@code purpose} is a word for its name (e.g. "changes"). */
  public static ScratchDir create(String purpose) throws IOException {
    removeThoseOfDeadRuns();
    return new ScratchDir(Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-" + purpose + "-"));
  }

  public Path file(String name) {
    return path.resolve(name);
  }

  public Path path() {
    return path;
  }

  /** Deletes the directory and its files; closing again does nothing. */
  @Override
  public void close() {
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Gone already, or not deletable now: a later run removes it once this process is gone.
    }
  }

  private static void removeThoseOfDeadRuns() {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(temp)) {
      for (Path dir : dirs.toList()) {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-', PREFIX.length());
        String pid = name.startsWith(PREFIX) && dash > 0 ? name.substring(PREFIX.length(), dash) : "";
        if (pid.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          new ScratchDir(dir).close();
        }
      }
    } catch (IOException e) {
      // Only housekeeping: a leftover directory someone else owns must not stop the run.
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
