package org.iatipub.publish.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json}: every file the output directory publishes, as a registry upload step
 * needs it. It is the last file a commit puts in place, so a manifest always lists complete files.
 *
 * @param files sorted by name
 */
public record Manifest(List<Entry> files) {
  public static final String FILE = "manifest.json";

  /**
   * One published file.
   *
   * @param name the file name in the output directory
   * @param set the input set it was made from ({@code organisation} for the organisation file)
   * @param kind its root element: {@code iati-activities} or {@code iati-organisations}
   * @param activities the records in it (activities, or organisations)
   * @param size its size in bytes
   * @param sha256 the SHA-256 of its bytes, in hex
   * @param generatedDatetime its root's {@code generated-datetime}
   * @param iatiVersion its root's {@code version}
   */
  public record Entry(String name, String set, String kind, int activities, long size, String sha256,
      String generatedDatetime, String iatiVersion) {}

  public Manifest {
    files = files.stream().sorted(Comparator.comparing(Entry::name)).toList();
  }

  static Manifest empty() {
    return new Manifest(List.of());
  }

  public Optional<Entry> file(String name) {
    return files.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  static Manifest readFrom(Path output) throws IOException {
    Path file = output.resolve(FILE);
    return Files.isRegularFile(file) ? StoredJson.read(file, Manifest.class) : empty();
  }
}
