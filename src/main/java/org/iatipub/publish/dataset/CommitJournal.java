package org.iatipub.publish.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The plan of a commit, written (and forced to disk) before the first rename: which staged files
 * replace the published ones, manifest last, and which published files go. Every step can be done
 * again without harm, so a commit cut short by a crash is finished by the next run, never left
 * half-done: a run either changes nothing (no journal yet) or, in the end, everything.
 *
 * @param staging the staging directory's name in the output directory
 * @param moves file names to move from staging into the output directory, in order
 * @param removals file names to delete from the output directory once the moves are done
 */
record CommitJournal(String staging, List<String> moves, List<String> removals) {
  static final String FILE = ".iatipub-commit.json";

  CommitJournal {
    moves = List.copyOf(moves);
    removals = List.copyOf(removals);
    for (String name : concat(List.of(staging), moves, removals)) {
      if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith("..")) {
        throw new IllegalArgumentException("the commit journal names '" + name + "', which is not a plain file name");
      }
    }
  }

  /** Writes the journal by an atomic rename, so it is either absent or complete. */
  void write(Path output) throws IOException {
    Path partial = output.resolve(FILE + ".partial");
    StoredJson.write(partial, this);
    Files.move(partial, output.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    StoredJson.syncDirectory(output);
  }

  static Optional<CommitJournal> readFrom(Path output) throws IOException {
    Files.deleteIfExists(output.resolve(FILE + ".partial"));
    Path file = output.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(StoredJson.read(file, CommitJournal.class)) : Optional.empty();
  }

  /** Does (or finishes) the commit, then drops the staging directory and the journal. */
  void apply(Path output) throws IOException {
    Path staged = output.resolve(staging);
    for (String name : moves) {
      Path from = staged.resolve(name);
      if (Files.exists(from)) { // else moved before the previous attempt stopped
        Files.move(from, output.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    StoredJson.syncDirectory(output);
    for (String name : removals) {
      Files.deleteIfExists(output.resolve(name));
    }
    Staging.delete(staged);
    Files.delete(output.resolve(FILE));
    StoredJson.syncDirectory(output);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
