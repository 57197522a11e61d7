package org.iatipub.publish.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the previous run published, kept in the output directory so the next run can tell which
 * records changed: per input set, per identifier, the hash of the record's content (without its
 * timestamp) and the {@code last-updated-datetime} it was given. It is committed with the files it
 * describes, so it never disagrees with them.
 *
 * @param sets set name to identifier to record
 */
public record PublishState(Map<String, Map<String, Entry>> sets) {
  public static final String FILE = "iatipub-state.json";

  /**
   * One record as last published.
   *
   * @param sha256 its content without the last-updated-datetime
   * @param lastUpdated the last-updated-datetime it carries
   * @param file the file it is in
   * @param withheld true when this run withheld it: it is in no file, and kept here so that it keeps
   *     its timestamp when it comes back unchanged
   */
  public record Entry(String sha256, String lastUpdated, String file, boolean withheld) {}

  public PublishState {
    Map<String, Map<String, Entry>> sorted = new TreeMap<>();
    sets.forEach((set, entries) -> sorted.put(set, new TreeMap<>(entries)));
    sets = sorted;
  }

  static PublishState empty() {
    return new PublishState(Map.of());
  }

  Map<String, Entry> set(String name) {
    return sets.getOrDefault(name, Map.of());
  }

  static PublishState readFrom(Path output) throws IOException {
    Path file = output.resolve(FILE);
    return Files.isRegularFile(file) ? StoredJson.read(file, PublishState.class) : empty();
  }
}
